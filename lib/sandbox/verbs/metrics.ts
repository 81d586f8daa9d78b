import "server-only";
import { getDb } from "@/lib/db/client";
import { NODES, PODS } from "../builtin-resources";
import { methodNotAllowed, notFound } from "../k8s-error";
import { containerUsage, METRICS_WINDOW_MS, nodeUsage, sampleTime, usageQuantities, type Usage } from "../metrics";
import { readObjects } from "../store/read";
import { toTable, wantsTable } from "../table";
import { apiVersionOf, type JsonObject, type K8sObject } from "../types";
import { timestamp } from "../util";
import type { ResourceRequest } from "./context";
import { matchesSelection, selectionFrom } from "./list";

// GET /apis/metrics.k8s.io/v1beta1/{namespaces/{ns}/}pods{/name} and …/nodes{/name}, answered
// as metrics-server does: only running containers have metrics, and nothing is stored.

type ContainerSpec = {
  name: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
};

const window = `${METRICS_WINDOW_MS / 1000}s`;

/** The containers of a pod that run now (a pod with none has no metrics yet). */
function runningContainers(pod: K8sObject): ContainerSpec[] {
  if (pod.metadata.deletionTimestamp || pod.status?.phase !== "Running") return [];
  const statuses = (pod.status?.containerStatuses as JsonObject[] | undefined) ?? [];
  const running = new Set(
    statuses.filter((s) => (s.state as JsonObject | undefined)?.running).map((s) => String(s.name)),
  );
  return ((pod.spec?.containers as ContainerSpec[] | undefined) ?? []).filter((c) => running.has(c.name));
}

function podMetrics(pod: K8sObject, at: Date, apiVersion: string): K8sObject | null {
  const containers = runningContainers(pod);
  if (containers.length === 0) return null;
  return {
    kind: "PodMetrics",
    apiVersion,
    metadata: {
      name: pod.metadata.name,
      namespace: pod.metadata.namespace,
      creationTimestamp: timestamp(),
      labels: pod.metadata.labels ?? {},
    },
    timestamp: timestamp(sampleTime(at)),
    window,
    containers: containers.map((c) => ({
      name: c.name,
      usage: usageQuantities(containerUsage(pod.metadata.uid!, c, at)),
    })),
  };
}

function nodeMetrics(node: K8sObject, pods: K8sObject[], at: Date, apiVersion: string): K8sObject {
  const name = node.metadata.name!;
  const usages: Usage[] = pods
    .filter((p) => p.spec?.nodeName === name)
    .flatMap((p) => runningContainers(p).map((c) => containerUsage(p.metadata.uid!, c, at)));
  return {
    kind: "NodeMetrics",
    apiVersion,
    metadata: { name, creationTimestamp: timestamp(), labels: node.metadata.labels ?? {} },
    timestamp: timestamp(sampleTime(at)),
    window,
    usage: usageQuantities(nodeUsage(name, usages, at)),
  };
}

async function computeAll(req: ResourceRequest, at: Date): Promise<K8sObject[]> {
  const db = getDb();
  const apiVersion = apiVersionOf(req.type.group, req.version);
  if (req.type.metrics === "pods") {
    const pods = await readObjects(db, PODS, { namespace: req.namespace || undefined });
    return pods.map((p) => podMetrics(p, at, apiVersion)).filter((m): m is K8sObject => m !== null);
  }
  const [nodes, pods] = await Promise.all([readObjects(db, NODES), readObjects(db, PODS)]);
  return nodes.map((n) => nodeMetrics(n, pods, at, apiVersion));
}

export async function metricsVerb(req: ResourceRequest, method: string): Promise<unknown> {
  if (method !== "GET" || req.subresource || ["1", "true"].includes(req.query.get("watch") ?? ""))
    throw methodNotAllowed();
  const at = new Date();
  const all = await computeAll(req, at);
  const table = wantsTable(req.request.headers.get("accept"));
  if (req.name) {
    const found = all.find((m) => m.metadata.name === req.name);
    if (!found) throw notFound(req.type, req.name);
    return table ? toTable(req.type, [found], {}) : found;
  }
  const selection = selectionFrom(req.query);
  const items = all.filter((m) => matchesSelection(selection, m));
  if (table) return toTable(req.type, items, {});
  return { kind: req.type.listKind, apiVersion: apiVersionOf(req.type.group, req.version), metadata: {}, items };
}
