import "server-only";
import type { ClusterClient } from "@/lib/clusters/client";
import { environmentCluster } from "@/lib/clusters/environment-cluster";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** The cluster client and namespace of the environment in scope. */
export async function environmentTarget(
  ctx: EnvironmentCtx,
): Promise<{ client: ClusterClient; namespace: string; cluster: string }> {
  const { client, cluster, namespace } = await environmentCluster(ctx);
  return { client, namespace, cluster: cluster.name };
}
