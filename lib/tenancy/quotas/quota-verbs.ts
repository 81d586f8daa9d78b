import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { and, asc, eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { clusterOrThrow } from "@/lib/clusters/find-cluster";
import { getDb, type Executor } from "@/lib/db/client";
import { clusters, tenantQuotas, type TenantQuotaRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { emitChange } from "@/lib/events";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { formatQuota, type QuotaAmounts } from "../quantity";
import { assertVersion } from "../rows";
import type { QuotaInput } from "../schemas";
import { scopeIds } from "../scope";
import { allocatedOn, quotaConflict, toAmounts } from "./amounts";
import { describeShortfalls, tenantQuotaShortfalls } from "./fit";

const amountsOf = (row: TenantQuotaRow): QuotaAmounts => ({ cpuMilli: row.cpuMilli, memoryBytes: row.memoryBytes, storageBytes: row.storageBytes, pods: row.pods });

async function quotaDto(db: Executor, tenantId: number, row: TenantQuotaRow, cluster: string) {
  return { cluster, hard: formatQuota(amountsOf(row)), allocated: formatQuota(await allocatedOn(db, tenantId, row.clusterId)), version: row.version };
}
export type TenantQuotaDto = Awaited<ReturnType<typeof quotaDto>>;

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

export const getTenantQuota = verb("tenants.quotas.get", "tenants.quotas.read", async ({ ctx, input }: VerbArgs<{ cluster: string }>) => {
  const { tenantId } = scopeIds(ctx);
  const cluster = await clusterOrThrow(input.cluster);
  const [row] = await getDb().select().from(tenantQuotas).where(and(eq(tenantQuotas.tenantId, tenantId), eq(tenantQuotas.clusterId, cluster.id)));
  if (!row) throw new AppError("NOT_FOUND", `Tenant '${ctx.scope.tenant!.name}' has no quota on cluster '${cluster.name}'.`);
  return quotaDto(getDb(), tenantId, row, cluster.name);
});

/** Sets the hard limits of a tenant on a cluster; never below what its environments hold. */
export const putTenantQuota = verb(
  "tenants.quotas.put",
  "tenants.quotas.update",
  async ({ ctx, input }: VerbArgs<{ cluster: string; quota: QuotaInput; expectedVersion?: number }>) => {
    const dto = await inTransaction(async (tx) => {
      const { tenantId } = scopeIds(ctx);
      const cluster = await clusterOrThrow(input.cluster, tx);
      const where = and(eq(tenantQuotas.tenantId, tenantId), eq(tenantQuotas.clusterId, cluster.id));
      const [before] = await tx.select().from(tenantQuotas).where(where).for("update");
      if (before) assertVersion(before, input.expectedVersion);
      else if (input.expectedVersion !== undefined) throw new AppError("PRECONDITION_FAILED", "There is no quota yet to match If-Match against.");
      const hard = toAmounts(input.quota);
      const shortfalls = tenantQuotaShortfalls(hard, await allocatedOn(tx, tenantId, cluster.id));
      if (shortfalls.length) {
        throw quotaConflict(`The quota cannot drop below what environments already hold on '${cluster.name}': ${describeShortfalls(shortfalls)}.`, shortfalls);
      }
      if (before) await tx.update(tenantQuotas).set({ ...hard, version: sql`${tenantQuotas.version} + 1` }).where(where);
      else await tx.insert(tenantQuotas).values({ tenantId, clusterId: cluster.id, ...hard });
      const [after] = await tx.select().from(tenantQuotas).where(where);
      await writeAudit(tx, ctx, {
        action: "tenants.quotas.update",
        tenantId,
        target: `tenant/${ctx.scope.tenant!.name}/quota/${cluster.name}`,
        before: before ? formatQuota(amountsOf(before)) : undefined,
        after: formatQuota(hard),
      });
      return quotaDto(tx, tenantId, after, cluster.name);
    });
    emitChange({ type: "tenant", id: ctx.scope.tenant!.id });
    return dto;
  },
);
