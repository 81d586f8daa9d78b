import "server-only";
import { and, eq } from "drizzle-orm";
import { clusterClient, type ClusterClient } from "@/lib/clusters/client";
import { getDb } from "@/lib/db/client";
import { clusters, environments } from "@/lib/db/schema";
import { foundOrThrow } from "@/lib/db/rows";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** The cluster client and namespace of the environment in scope. */
export async function environmentTarget(
  ctx: EnvironmentCtx,
): Promise<{ client: ClusterClient; namespace: string; cluster: string }> {
  const [row] = await getDb()
    .select({ namespace: environments.namespace, cluster: clusters })
    .from(environments)
    .innerJoin(clusters, eq(clusters.id, environments.clusterId))
    .where(and(eq(environments.id, ctx.scope.environment.id), eq(environments.tenantId, ctx.scope.tenant.id)));
  const found = foundOrThrow(row, "environment");
  return { client: clusterClient(found.cluster), namespace: found.namespace, cluster: found.cluster.name };
}
