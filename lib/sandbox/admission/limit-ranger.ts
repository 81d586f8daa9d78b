import { PODS } from "../builtin-resources";
import { forbidden } from "../k8s-error";
import { formatQuantity, formatOf, quantityMilli } from "@/lib/quantity";
import type { K8sObject } from "../types";
import { podContainers, podInitContainers, type Container } from "./pod-resources";

interface LimitRangeItem {
  type: string;
  default?: Record<string, string>;
  defaultRequest?: Record<string, string>;
  max?: Record<string, string>;
  min?: Record<string, string>;
}

const itemsOf = (lr: K8sObject) =>
  ((lr.spec?.limits as LimitRangeItem[] | undefined) ?? []).filter((i) => i.type === "Container");

/** API defaulting of a LimitRange item: defaultRequest falls back to default, default to max. */
export function defaultLimitRange(lr: K8sObject): void {
  for (const item of (lr.spec?.limits as LimitRangeItem[] | undefined) ?? []) {
    if (item.type !== "Container") continue;
    for (const [name, value] of Object.entries(item.max ?? {})) {
      item.default ??= {};
      item.default[name] ??= value;
    }
    for (const [name, value] of Object.entries(item.default ?? {})) {
      item.defaultRequest ??= {};
      item.defaultRequest[name] ??= value;
    }
  }
}

function applyDefaults(container: Container, item: LimitRangeItem) {
  const resources = (container.resources ??= {});
  for (const [name, value] of Object.entries(item.default ?? {})) {
    resources.limits ??= {};
    resources.limits[name] ??= value;
  }
  for (const [name, value] of Object.entries(item.defaultRequest ?? {})) {
    resources.requests ??= {};
    resources.requests[name] ??= value;
  }
}

function check(container: Container, item: LimitRangeItem, errors: string[]) {
  for (const [name, max] of Object.entries(item.max ?? {})) {
    const limit = container.resources?.limits?.[name];
    if (limit === undefined) errors.push(`maximum ${name} usage per Container is ${max}.  No limit is specified`);
    else if (quantityMilli(limit) > quantityMilli(max)) {
      errors.push(
        `maximum ${name} usage per Container is ${max}, but limit is ${formatQuantity(quantityMilli(limit), formatOf(limit))}`,
      );
    }
  }
  for (const [name, min] of Object.entries(item.min ?? {})) {
    const request = container.resources?.requests?.[name];
    if (request === undefined) errors.push(`minimum ${name} usage per Container is ${min}.  No request is specified`);
    else if (quantityMilli(request) < quantityMilli(min)) {
      errors.push(
        `minimum ${name} usage per Container is ${min}, but request is ${formatQuantity(quantityMilli(request), formatOf(request))}`,
      );
    }
  }
}

/** The LimitRanger admission plugin for pods: default requests/limits, then enforce min/max. */
export function admitPodLimits(pod: K8sObject, limitRanges: K8sObject[]): void {
  const containers = [...podContainers(pod), ...podInitContainers(pod)];
  const errors: string[] = [];
  for (const lr of limitRanges) {
    for (const item of itemsOf(lr)) {
      for (const container of containers) applyDefaults(container, item);
      for (const container of containers) check(container, item, errors);
    }
  }
  if (errors.length > 0) {
    throw forbidden(PODS, pod.metadata.name ?? "", errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`);
  }
}
