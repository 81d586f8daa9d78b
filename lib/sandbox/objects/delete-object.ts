import "server-only";
import { EVENTS, NAMESPACES } from "../builtin-resources";
import { conflict } from "../k8s-error";
import { crdResourceType, allResourceTypes, typeForStored } from "../registry";
import type { Writer } from "../store/writer";
import type { K8sObject, ResourceType } from "../types";
import { timestamp } from "../util";
import { afterRemove } from "./hooks";

export type PropagationPolicy = "Background" | "Foreground" | "Orphan";

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface DeleteResult {
  object: K8sObject;
  /** False while finalizers (or a terminating namespace's contents) keep it. */
  deleted: boolean;
}

/** Dependents (ownerReferences) go with their owner, or lose the reference when orphaned. */
async function handleDependents(w: Writer, owner: K8sObject, policy: PropagationPolicy): Promise<void> {
  const namespace = owner.metadata.namespace;
  if (!namespace) return;
  const contents = await w.namespaceContents(namespace);
  const dependents = contents.filter((c) =>
    c.object.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid),
  );
  if (dependents.length === 0) return;
  const types = await allResourceTypes(w.tx);
  for (const { group, resource, object } of dependents) {
    const type = typeForStored(types, group, resource);
    if (!type) continue;
    const fresh = await w.get(type, namespace, object.metadata.name!);
    if (!fresh) continue;
    if (policy === "Orphan") {
      const kept = fresh.metadata.ownerReferences!.filter((r) => r.uid !== owner.metadata.uid);
      const next = structuredClone(fresh);
      if (kept.length) next.metadata.ownerReferences = kept;
      else delete next.metadata.ownerReferences;
      await w.replace(type, next, fresh);
    } else {
      await deleteObject(w, type, fresh, { propagationPolicy: "Background" });
    }
  }
}

/** Removes an object for good, with what follows from it (dependents, quota, CRD instances). */
export async function removeObject(
  w: Writer,
  type: ResourceType,
  object: K8sObject,
  policy: PropagationPolicy,
): Promise<K8sObject> {
  const gone = await w.remove(type, object);
  if (type.kind === "CustomResourceDefinition" && !type.custom) {
    const served = crdResourceType({ ...object, metadata: { ...object.metadata, deletionTimestamp: undefined } });
    if (served) for (const instance of await w.list(served)) await w.remove(served, instance);
  }
  if (type !== EVENTS) await handleDependents(w, object, policy);
  await afterRemove(w, type, object);
  return gone;
}

/** Deletes everything in a terminating namespace, and the namespace once it is empty. */
export async function finalizeNamespace(w: Writer, namespace: K8sObject): Promise<DeleteResult> {
  const name = namespace.metadata.name!;
  const types = await allResourceTypes(w.tx);
  for (const { group, resource, object } of await w.namespaceContents(name)) {
    const type = typeForStored(types, group, resource);
    if (!type || object.metadata.deletionTimestamp) continue;
    const fresh = await w.get(type, name, object.metadata.name!);
    if (fresh && !fresh.metadata.deletionTimestamp)
      await deleteObject(w, type, fresh, { propagationPolicy: "Background" });
  }
  const remaining = await w.namespaceContents(name);
  if (remaining.length > 0 || (namespace.metadata.finalizers ?? []).length > 0)
    return { object: namespace, deleted: false };
  await w.remove(NAMESPACES, namespace);
  return { object: namespace, deleted: true };
}

function markTerminating(object: K8sObject): K8sObject {
  const next = structuredClone(object);
  next.metadata.deletionTimestamp = timestamp();
  next.metadata.deletionGracePeriodSeconds = 0;
  return next;
}

/** The delete path: preconditions, finalizers (deletionTimestamp first), namespace finalization, cascade. */
export async function deleteObject(
  w: Writer,
  type: ResourceType,
  current: K8sObject,
  options: DeleteOptions = {},
): Promise<DeleteResult> {
  const { preconditions } = options;
  const name = current.metadata.name!;
  if (preconditions?.uid && preconditions.uid !== current.metadata.uid) {
    throw conflict(
      type,
      name,
      `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${current.metadata.uid}`,
    );
  }
  if (preconditions?.resourceVersion && preconditions.resourceVersion !== current.metadata.resourceVersion) {
    throw conflict(
      type,
      name,
      `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in meta: ${current.metadata.resourceVersion}`,
    );
  }
  if (type === NAMESPACES) {
    let namespace = current;
    if (!namespace.metadata.deletionTimestamp) {
      namespace = markTerminating(current);
      namespace.status = { ...namespace.status, phase: "Terminating" };
      await w.replace(NAMESPACES, namespace, current);
    }
    return finalizeNamespace(w, namespace);
  }
  if ((current.metadata.finalizers ?? []).length > 0) {
    if (current.metadata.deletionTimestamp) return { object: current, deleted: false };
    const next = markTerminating(current);
    await w.replace(type, next, current);
    return { object: next, deleted: false };
  }
  return { object: await removeObject(w, type, current, options.propagationPolicy ?? "Background"), deleted: true };
}
