import "server-only";
import type { KubernetesObject } from "@kubernetes/client-node";
import { stringify } from "yaml";
import { CHANGED_VALUE, EDITABLE, HIDDEN_VALUE, type EditableResource } from "./resources";

type Json = Record<string, unknown>;

export const header = (r: EditableResource, name: string, namespace: string) => ({
  apiVersion: EDITABLE[r].apiVersion,
  kind: EDITABLE[r].kind,
  metadata: { name, namespace },
});

// kubectl apply keeps the whole object, values included, in this annotation.
const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** A Secret with every value replaced: HIDDEN_VALUE, or CHANGED_VALUE where it differs from `live`. */
export function maskSecret(copy: Json, live?: KubernetesObject | null): Json {
  if (copy.kind !== "Secret") return copy;
  const liveData = ((live as Json | null | undefined)?.data ?? {}) as Json;
  const data = (copy.data ?? {}) as Json;
  copy.data = Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, live && liveData[k] !== v ? CHANGED_VALUE : HIDDEN_VALUE]),
  );
  if (!Object.keys(copy.data as Json).length) delete copy.data;
  if (copy.stringData)
    copy.stringData = Object.fromEntries(Object.keys(copy.stringData).map((k) => [k, CHANGED_VALUE]));
  const annotations = (copy.metadata as Json | undefined)?.annotations as Json | undefined;
  if (annotations) delete annotations[LAST_APPLIED];
  return copy;
}

/** Drops what a reader should not round-trip by hand; a Secret's values never leave here. */
export function forEditing(o: KubernetesObject): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(o));
  delete copy.metadata?.managedFields;
  return maskSecret(copy);
}

/** One side of a diff: no status or server bookkeeping, Secret values masked against `live`. */
export function diffYaml(o: KubernetesObject | null, live: KubernetesObject | null): string {
  if (!o) return "";
  const copy = JSON.parse(JSON.stringify(o));
  delete copy.status;
  for (const key of ["managedFields", "uid", "creationTimestamp", "generation", "selfLink", "resourceVersion"])
    delete copy.metadata?.[key];
  return stringify(maskSecret(copy, live));
}
