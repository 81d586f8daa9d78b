import { randomUUID } from "node:crypto";
import type { K8sObject, ResourceType } from "../types";
import { apiVersionOf } from "../types";
import { canonicalJson, randomSuffix, timestamp } from "../util";

// System-owned metadata, set the way the API server sets it.

/** Kinds whose status the server resets on create (status is written by controllers). Nodes register with theirs. */
const keepsStatusOnCreate = (type: ResourceType) => !type.status || (type.kind === "Node" && !type.custom);

export function prepareForCreate(type: ResourceType, object: K8sObject, namespace: string): void {
  object.apiVersion = apiVersionOf(type.group, type.versions[0]);
  object.kind = type.kind;
  const meta = (object.metadata ??= {});
  if (type.namespaced) meta.namespace = namespace;
  else delete meta.namespace;
  if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomSuffix()}`;
  meta.uid = randomUUID();
  meta.creationTimestamp = timestamp();
  for (const key of ["resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink", "managedFields"])
    delete meta[key];
  if (type.hasGeneration) meta.generation = 1;
  else delete meta.generation;
  if (!keepsStatusOnCreate(type)) delete object.status;
}

/** Everything but metadata and status: a change here bumps metadata.generation. */
export function specOf(object: K8sObject): string {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = object;
  return canonicalJson(rest);
}

/** Carries over what clients may not change and bumps generation on spec changes. */
export function prepareForUpdate(type: ResourceType, next: K8sObject, current: K8sObject): void {
  next.apiVersion = current.apiVersion;
  next.kind = current.kind;
  const meta = (next.metadata ??= {});
  const old = current.metadata;
  meta.name = old.name;
  if (old.namespace !== undefined) meta.namespace = old.namespace;
  meta.uid = old.uid;
  meta.creationTimestamp = old.creationTimestamp;
  for (const key of ["deletionTimestamp", "deletionGracePeriodSeconds"]) {
    if (old[key] !== undefined) meta[key] = old[key];
    else delete meta[key];
  }
  delete meta.managedFields;
  delete meta.selfLink;
  if (type.hasGeneration) meta.generation = (old.generation ?? 1) + (specOf(next) !== specOf(current) ? 1 : 0);
  else delete meta.generation;
}

/** Equal apart from resourceVersion: such an update is a no-op and keeps the version. */
export function sameObject(a: K8sObject, b: K8sObject): boolean {
  const strip = (o: K8sObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}
