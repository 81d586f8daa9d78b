import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { clusters, tenantQuotas } from "@/lib/db/schema";
import { allocatedOn } from "@/lib/tenancy/quotas/amounts";
import type { QuotaUsage } from "./schemas";

/** Each tenant's quotas per cluster: the environment quotas allocated against the hard limit.
 *  Callers pass only tenants the actor may read quotas of. */
export async function quotaUsageOf(tenantIds: number[]): Promise<Map<number, QuotaUsage[]>> {
  const out = new Map<number, QuotaUsage[]>(tenantIds.map((id) => [id, []]));
  if (!tenantIds.length) return out;
  const db = getDb();
  const rows = await db
    .select({ quota: tenantQuotas, cluster: clusters.name })
    .from(tenantQuotas)
    .innerJoin(clusters, eq(clusters.id, tenantQuotas.clusterId))
    .where(inArray(tenantQuotas.tenantId, tenantIds))
    .orderBy(asc(clusters.name));
  await Promise.all(
    rows.map(async ({ quota, cluster }) => {
      const used = await allocatedOn(db, quota.tenantId, quota.clusterId);
      out.get(quota.tenantId)!.push({
        cluster,
        hard: { cpuMilli: quota.cpuMilli, memoryBytes: quota.memoryBytes, pods: quota.pods },
        used: { cpuMilli: used.cpuMilli, memoryBytes: used.memoryBytes, pods: used.pods },
      });
    }),
  );
  for (const list of out.values()) list.sort((a, b) => a.cluster.localeCompare(b.cluster));
  return out;
}

/** The fullest of a tenant's quotas, 0..1+: what "tenants by usage" orders by. */
export function peakOf(quotas: QuotaUsage[]): number {
  const ratio = (used: number, hard: number) => (hard > 0 ? used / hard : 0);
  return Math.max(
    0,
    ...quotas.flatMap((q) => [
      ratio(q.used.cpuMilli, q.hard.cpuMilli),
      ratio(q.used.memoryBytes, q.hard.memoryBytes),
      ratio(q.used.pods, q.hard.pods),
    ]),
  );
}
