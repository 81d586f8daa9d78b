import "server-only";
import { and, eq } from "drizzle-orm";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { foundOrThrow } from "@/lib/db/rows";
import { clusters, environments, type ClusterRow } from "@/lib/db/schema";
import { clusterClient, type ClusterClient } from "./client";

/** The cluster (row and client) and namespace of the environment in scope. */
export async function environmentCluster(
  ctx: EnvironmentCtx,
): Promise<{ client: ClusterClient; cluster: ClusterRow; namespace: string }> {
  const [row] = await getDb()
    .select({ namespace: environments.namespace, cluster: clusters })
    .from(environments)
    .innerJoin(clusters, eq(clusters.id, environments.clusterId))
    .where(and(eq(environments.id, ctx.scope.environment.id), eq(environments.tenantId, ctx.scope.tenant.id)));
  const found = foundOrThrow(row, "environment");
  return { client: clusterClient(found.cluster), cluster: found.cluster, namespace: found.namespace };
}
