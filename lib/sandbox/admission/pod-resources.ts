import { formatOf, quantityMilli, type QuantityFormat } from "@/lib/quantity";
import type { JsonObject, K8sObject } from "../types";

export interface Container {
  name: string;
  image?: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  [key: string]: unknown;
}

export function podContainers(pod: K8sObject): Container[] {
  return ((pod.spec?.containers as Container[] | undefined) ?? []).filter(Boolean);
}

export function podInitContainers(pod: K8sObject): Container[] {
  return ((pod.spec?.initContainers as Container[] | undefined) ?? []).filter(Boolean);
}

export type Usage = Map<string, { milli: number; format: QuantityFormat }>;

function addTo(usage: Usage, key: string, value: string | undefined) {
  if (value === undefined) return;
  const prior = usage.get(key);
  usage.set(key, { milli: (prior?.milli ?? 0) + quantityMilli(value), format: prior?.format ?? formatOf(value) });
}

/** The compute usage quota charges for one container, under every name quota can use for it. */
export function containerUsage(container: Container): Usage {
  const usage: Usage = new Map();
  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  for (const [name, value] of Object.entries(requests)) {
    if (name === "cpu" || name === "memory" || name === "ephemeral-storage") addTo(usage, name, value);
    addTo(usage, `requests.${name}`, value);
  }
  for (const [name, value] of Object.entries(limits)) addTo(usage, `limits.${name}`, value);
  return usage;
}

/** Pod usage: the sum over containers, or the largest init container where that is larger. */
export function podComputeUsage(pod: K8sObject): Usage {
  const total: Usage = new Map();
  for (const c of podContainers(pod)) {
    for (const [k, v] of containerUsage(c))
      total.set(k, { milli: (total.get(k)?.milli ?? 0) + v.milli, format: total.get(k)?.format ?? v.format });
  }
  for (const c of podInitContainers(pod)) {
    for (const [k, v] of containerUsage(c)) if (v.milli > (total.get(k)?.milli ?? 0)) total.set(k, v);
  }
  return total;
}

/** Terminal pods no longer count against quota. */
export function podIsTerminal(pod: K8sObject): boolean {
  const phase = (pod.status as JsonObject | undefined)?.phase;
  return phase === "Succeeded" || phase === "Failed";
}

export function qosClass(pod: K8sObject): "Guaranteed" | "Burstable" | "BestEffort" {
  const containers = [...podContainers(pod), ...podInitContainers(pod)];
  const hasAny = containers.some(
    (c) => Object.keys(c.resources?.requests ?? {}).length + Object.keys(c.resources?.limits ?? {}).length > 0,
  );
  if (!hasAny) return "BestEffort";
  const guaranteed = containers.every((c) =>
    ["cpu", "memory"].every((r) => {
      const limit = c.resources?.limits?.[r];
      const request = c.resources?.requests?.[r] ?? limit;
      return limit !== undefined && quantityMilli(limit) === quantityMilli(request);
    }),
  );
  return guaranteed ? "Guaranteed" : "Burstable";
}
