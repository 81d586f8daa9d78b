import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { clusters, tenantQuotas } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { scopeIds } from "../scope";
import { quotaDto } from "./quota-dto";

export const listTenantQuotas = verb("tenants.quotas.list", "tenants.quotas.read", async ({ ctx }: VerbArgs<void>) => {
  const { tenantId } = scopeIds(ctx);
  const db = getDb();
  const rows = await db
    .select({ quota: tenantQuotas, cluster: clusters.name })
    .from(tenantQuotas)
    .innerJoin(clusters, eq(clusters.id, tenantQuotas.clusterId))
    .where(eq(tenantQuotas.tenantId, tenantId))
    .orderBy(asc(clusters.name));
  return { items: await Promise.all(rows.map((r) => quotaDto(db, tenantId, r.quota, r.cluster))), nextCursor: null };
});
