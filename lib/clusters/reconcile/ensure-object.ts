import "server-only";
import { ApiException, PatchStrategy, type KubernetesObject } from "@kubernetes/client-node";
import type { ClusterClient } from "../client";
import { isSubset } from "./subset";

export type EnsureResult = "created" | "updated" | "unchanged";

const header = (o: KubernetesObject) => ({
  apiVersion: o.apiVersion!,
  kind: o.kind!,
  metadata: { name: o.metadata!.name!, namespace: o.metadata?.namespace },
});
const notFound = (e: unknown) => e instanceof ApiException && e.code === 404;

/** Creates the object, or merge-patches it back when it drifted from what Facet wants. */
export async function ensureObject(client: ClusterClient, desired: KubernetesObject): Promise<EnsureResult> {
  let actual: KubernetesObject;
  try {
    actual = await client.objects.read(header(desired));
  } catch (error) {
    if (!notFound(error)) throw error;
    try {
      await client.objects.create(desired, undefined, undefined, "facet");
      return "created";
    } catch (createError) {
      // Another pass (a sync asked for, another replica) made it meanwhile: compare with that.
      if (!(createError instanceof ApiException && createError.code === 409)) throw createError;
      actual = await client.objects.read(header(desired));
    }
  }
  const comparable = JSON.parse(JSON.stringify(actual));
  if (isSubset(desired, comparable)) return "unchanged";
  await client.objects.patch(desired, undefined, undefined, "facet", undefined, PatchStrategy.MergePatch);
  return "updated";
}

export async function deleteIfPresent(client: ClusterClient, object: KubernetesObject): Promise<boolean> {
  try {
    await client.objects.delete(header(object));
    return true;
  } catch (error) {
    if (notFound(error)) return false;
    throw error;
  }
}
