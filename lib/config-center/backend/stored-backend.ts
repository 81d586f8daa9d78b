import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Executor } from "@/lib/db/client";
import { configBackends, type ConfigBackendRow } from "@/lib/db/schema";

/** The external Nacos row of a cluster; none means Facet's own store serves it. */
export async function storedConfigBackend(clusterId: number, db: Executor = getDb()): Promise<ConfigBackendRow | null> {
  const [row] = await db.select().from(configBackends).where(eq(configBackends.clusterId, clusterId)).limit(1);
  return row ?? null;
}
