import "server-only";
import type { KubernetesObject } from "@kubernetes/client-node";
import { EDITABLE, type EditableResource } from "./resources";

export const header = (r: EditableResource, name: string, namespace: string) => ({
  apiVersion: EDITABLE[r].apiVersion,
  kind: EDITABLE[r].kind,
  metadata: { name, namespace },
});

/** Drops what a reader should not round-trip by hand. */
export function forEditing(o: KubernetesObject): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(o));
  delete copy.metadata?.managedFields;
  return copy;
}
