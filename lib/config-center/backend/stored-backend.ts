import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Executor } from "@/lib/db/client";
import { clusters, configBackends, type ConfigBackendRow } from "@/lib/db/schema";

/** The external Nacos row of a cluster; none means Facet's own store serves it. */
export async function storedConfigBackend(clusterId: number, db: Executor = getDb()): Promise<ConfigBackendRow | null> {
  const [row] = await db.select().from(configBackends).where(eq(configBackends.clusterId, clusterId)).limit(1);
  return row ?? null;
}

/** Whether a sysadmin let this cluster's outbound requests reach private addresses (lib/net/egress). */
export async function clusterAllowsPrivate(clusterId: number, db: Executor = getDb()): Promise<boolean> {
  const [row] = await db
    .select({ allow: clusters.egressPrivateAllowed })
    .from(clusters)
    .where(eq(clusters.id, clusterId))
    .limit(1);
  return row?.allow ?? false;
}
