import "server-only";
import { and, eq } from "drizzle-orm";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { foundOrThrow } from "@/lib/db/rows";
import { clusters, environments } from "@/lib/db/schema";
import { existingNamespaceId } from "@/lib/telemetry/store/dictionary";

/** Where an environment's probe data lives and what its cluster allows the probes to reach. */
export interface ProbeLocation {
  environmentId: number;
  clusterId: number;
  namespace: string;
  /** Telemetry id of the namespace; null until the first point was written. */
  nsId: number | null;
  allowPrivate: boolean;
}

export async function probeLocation(ctx: EnvironmentCtx): Promise<ProbeLocation> {
  const [row] = await getDb()
    .select({
      clusterId: environments.clusterId,
      namespace: environments.namespace,
      allowPrivate: clusters.egressPrivateAllowed,
    })
    .from(environments)
    .innerJoin(clusters, eq(clusters.id, environments.clusterId))
    .where(and(eq(environments.id, ctx.scope.environment.id), eq(environments.tenantId, ctx.scope.tenant.id)));
  const found = foundOrThrow(row, "environment");
  const nsId = await existingNamespaceId({
    clusterId: found.clusterId,
    namespace: found.namespace,
    environmentId: ctx.scope.environment.id,
  });
  return { ...found, environmentId: ctx.scope.environment.id, nsId };
}
