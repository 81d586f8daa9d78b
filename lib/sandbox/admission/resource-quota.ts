import "server-only";
import { PODS, RESOURCE_QUOTAS } from "../builtin-resources";
import { forbidden } from "../k8s-error";
import { formatOf, formatQuantity, quantityMilli } from "@/lib/quantity";
import type { Writer } from "../store/writer";
import { deepEqual } from "../util";
import type { JsonObject, K8sObject, ResourceType } from "../types";
import {
  podComputeUsage,
  podContainers,
  podInitContainers,
  podIsTerminal,
  containerUsage,
  type Usage,
} from "./pod-resources";

// The ResourceQuota admission plugin and quota controller in one: usage is recomputed from the
// namespace's objects inside the (serialised) write transaction, so it is never stale.

const LEGACY_COUNT_NAMES: Record<string, string> = {
  pods: "pods",
  services: "services",
  configmaps: "configmaps",
  secrets: "secrets",
  resourcequotas: "resourcequotas",
  replicationcontrollers: "replicationcontrollers",
  persistentvolumeclaims: "persistentvolumeclaims",
};

/** Compute resources that force every container to state a value when a quota tracks them. */
const MUST_SPECIFY = new Set(["cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]);

function count(usage: Usage, key: string) {
  usage.set(key, { milli: (usage.get(key)?.milli ?? 0) + 1000, format: "DecimalSI" });
}

/** What one object charges against quota. */
export function objectUsage(group: string, resource: string, object: K8sObject): Usage {
  if (group === "" && resource === "pods" && podIsTerminal(object)) return new Map();
  const usage: Usage = group === "" && resource === "pods" ? podComputeUsage(object) : new Map();
  count(usage, group ? `count/${resource}.${group}` : `count/${resource}`);
  if (!group && LEGACY_COUNT_NAMES[resource]) count(usage, LEGACY_COUNT_NAMES[resource]);
  if (!group && resource === "services") {
    const type = object.spec?.type;
    if (type === "LoadBalancer") count(usage, "services.loadbalancers");
    if (type === "NodePort" || type === "LoadBalancer") count(usage, "services.nodeports");
  }
  return usage;
}

async function namespaceUsage(w: Writer, namespace: string): Promise<Usage> {
  const total: Usage = new Map();
  for (const { group, resource, object } of await w.namespaceContents(namespace)) {
    for (const [k, v] of objectUsage(group, resource, object)) {
      const prior = total.get(k);
      total.set(k, { milli: (prior?.milli ?? 0) + v.milli, format: prior?.format ?? v.format });
    }
  }
  return total;
}

const hardOf = (quota: K8sObject) => (quota.spec?.hard as Record<string, string> | undefined) ?? {};

function render(usage: Usage, keys: string[], hard: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [...keys].sort()) {
    const value = usage.get(key);
    out[key] = formatQuantity(value?.milli ?? 0, value?.format ?? formatOf(hard[key]));
  }
  return out;
}

const prettyPrint = (values: Record<string, string>) =>
  Object.keys(values)
    .sort()
    .map((k) => `${k}=${values[k]}`)
    .join(",");

function missingCompute(pod: K8sObject, tracked: string[]): string | null {
  const required = tracked.filter((k) => MUST_SPECIFY.has(k));
  const missing = new Map<string, string[]>();
  for (const container of [...podContainers(pod), ...podInitContainers(pod)]) {
    const has = containerUsage(container);
    for (const key of required) if (!has.has(key)) missing.set(key, [...(missing.get(key) ?? []), container.name]);
  }
  if (missing.size === 0) return null;
  const parts = [...missing.keys()].sort().map((k) => `${k} for: ${[...new Set(missing.get(k))].sort().join(",")}`);
  return `must specify ${parts.join("; ")}`;
}

/** Refuses a create that would exceed a quota in the object's namespace (403, Kubernetes' wording). */
export async function admitQuota(w: Writer, type: ResourceType, object: K8sObject): Promise<void> {
  const namespace = object.metadata.namespace;
  if (!type.namespaced || !namespace) return;
  const quotas = await w.list(RESOURCE_QUOTAS, { namespace });
  if (quotas.length === 0) return;
  const delta = objectUsage(type.group, type.resource, object);
  let used: Usage | null = null;
  for (const quota of quotas) {
    const hard = hardOf(quota);
    const tracked = Object.keys(hard).filter((k) => delta.has(k) || (type === PODS && MUST_SPECIFY.has(k)));
    if (type === PODS) {
      const missing = missingCompute(object, tracked);
      if (missing)
        throw forbidden(type, object.metadata.name ?? "", `failed quota: ${quota.metadata.name}: ${missing}`);
    }
    const requestedKeys = tracked.filter((k) => (delta.get(k)?.milli ?? 0) > 0);
    if (requestedKeys.length === 0) continue;
    used ??= await namespaceUsage(w, namespace);
    const exceeded = requestedKeys.filter(
      (k) => (used!.get(k)?.milli ?? 0) + delta.get(k)!.milli > quantityMilli(hard[k]),
    );
    if (exceeded.length > 0) {
      const why = `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrint(render(delta, exceeded, hard))}, used: ${prettyPrint(
        render(used, exceeded, hard),
      )}, limited: ${prettyPrint(Object.fromEntries(exceeded.map((k) => [k, hard[k]])))}`;
      throw forbidden(type, object.metadata.name ?? "", why);
    }
  }
}

/** Keeps status.hard and status.used of every quota in the namespace current. */
export async function refreshQuotaStatus(w: Writer, namespace: string): Promise<void> {
  const quotas = await w.list(RESOURCE_QUOTAS, { namespace });
  if (quotas.length === 0) return;
  const used = await namespaceUsage(w, namespace);
  for (const quota of quotas) {
    if (quota.metadata.deletionTimestamp) continue;
    const hard = hardOf(quota);
    const status: JsonObject = { hard: { ...hard }, used: render(used, Object.keys(hard), hard) };
    if (deepEqual(status, quota.status ?? {})) continue;
    await w.replace(RESOURCE_QUOTAS, { ...quota, status }, quota);
  }
}
