import "server-only";
import { applyDefaults } from "../defaults";
import { badRequest, conflict } from "../k8s-error";
import type { Writer } from "../store/writer";
import type { K8sObject, ResourceType } from "../types";
import { validateObject } from "../validation";
import { removeObject } from "./delete-object";
import { afterUpdate, beforeUpdate } from "./hooks";
import { prepareForUpdate, sameObject } from "./metadata";

export interface UpdateOptions {
  /** Write only status (the status subresource), keeping everything else. */
  status?: boolean;
  /** Controllers: skip validation of immutable fields (the scheduler binds pods this way). */
  internal?: boolean;
}

/** The update path: optimistic concurrency on resourceVersion, then defaults, validation, store. */
export async function updateObject(
  w: Writer,
  type: ResourceType,
  input: K8sObject,
  current: K8sObject,
  options: UpdateOptions = {},
): Promise<K8sObject> {
  const name = current.metadata.name!;
  if (input.metadata?.name && input.metadata.name !== name) {
    throw badRequest(`the name of the object (${input.metadata.name}) does not match the name on the URL (${name})`);
  }
  if (
    input.metadata?.namespace &&
    current.metadata.namespace &&
    input.metadata.namespace !== current.metadata.namespace
  ) {
    throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
  }
  const sent = input.metadata?.resourceVersion;
  if (sent && sent !== current.metadata.resourceVersion) throw conflict(type, name);

  let next: K8sObject;
  if (options.status) {
    next = { ...structuredClone(current), status: structuredClone(input.status) };
  } else {
    next = structuredClone(input);
    if (type.status) next.status = structuredClone(current.status);
    prepareForUpdate(type, next, current);
    applyDefaults(type, next);
    await beforeUpdate(w, type, next, current);
    if (!options.internal) validateObject(type, next, current);
  }
  if (sameObject(next, current)) return current;
  if (next.metadata.deletionTimestamp && (next.metadata.finalizers ?? []).length === 0) {
    return removeObject(w, type, next, "Background");
  }
  await w.replace(type, next, current);
  await afterUpdate(w, type, next, current);
  return next;
}
