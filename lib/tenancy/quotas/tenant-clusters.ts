import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { clusters, tenantQuotas } from "@/lib/db/schema";

/** The clusters a tenant has a quota on: where its environments can go. */
export async function tenantClusterNames(tenantId: number): Promise<string[]> {
  const rows = await getDb()
    .select({ name: clusters.name })
    .from(tenantQuotas)
    .innerJoin(clusters, eq(clusters.id, tenantQuotas.clusterId))
    .where(eq(tenantQuotas.tenantId, tenantId))
    .orderBy(asc(clusters.name));
  return rows.map((r) => r.name);
}
