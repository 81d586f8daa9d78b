import "server-only";
import { PODS } from "../builtin-resources";
import { K8sError } from "../k8s-error";
import { createObject } from "../objects/create-object";
import { recordEvent } from "../objects/events";
import type { Writer } from "../store/writer";
import type { JsonObject, K8sObject, OwnerReference } from "../types";
import { canonicalJson, fnv32a, safeEncode } from "../util";

/** pod-template-hash / controller-revision-hash: FNV-32a of the template, safe-encoded. */
export function templateHash(template: unknown): string {
  return safeEncode(String(fnv32a(canonicalJson(template))));
}

export function controllerRef(owner: K8sObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export const isControlledBy = (object: K8sObject, owner: K8sObject) =>
  (object.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === owner.metadata.uid);

export const isActive = (pod: K8sObject) =>
  !pod.metadata.deletionTimestamp && !["Succeeded", "Failed"].includes(String(pod.status?.phase));

export const isReady = (pod: K8sObject) =>
  ((pod.status?.conditions as JsonObject[] | undefined) ?? []).some((c) => c.type === "Ready" && c.status === "True");

export interface PodShape {
  name?: string;
  generateName?: string;
  labels: Record<string, string>;
  spec?: JsonObject;
}

/** Creates a pod from a controller's template; a refusal (quota, limits) becomes a FailedCreate event. */
export async function createPodFor(
  w: Writer,
  owner: K8sObject,
  template: JsonObject,
  shape: PodShape,
  component: string,
): Promise<K8sObject | null> {
  const templateMeta = (template.metadata ?? {}) as JsonObject;
  const pod: K8sObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      ...(shape.name ? { name: shape.name } : { generateName: shape.generateName }),
      labels: shape.labels,
      ...(templateMeta.annotations ? { annotations: { ...(templateMeta.annotations as Record<string, string>) } } : {}),
      ownerReferences: [controllerRef(owner)],
    },
    spec: { ...structuredClone((template.spec ?? {}) as JsonObject), ...(shape.spec ?? {}) },
  };
  try {
    const created = await createObject(w, PODS, pod, owner.metadata.namespace!);
    await recordEvent(w, owner, "Normal", "SuccessfulCreate", `Created pod: ${created.metadata.name}`, { component });
    return created;
  } catch (error) {
    if (!(error instanceof K8sError)) throw error;
    await recordEvent(w, owner, "Warning", "FailedCreate", `Error creating: ${error.message}`, { component });
    return null;
  }
}
