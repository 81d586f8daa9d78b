import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { and, eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { clusterOrThrow } from "@/lib/clusters/find-cluster";
import { tenantQuotas } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { emitChange } from "@/lib/events";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { formatQuota } from "../quantity";
import { assertVersion } from "@/lib/db/rows";
import type { QuotaInput } from "../schemas";
import { scopeIds } from "../scope";
import { allocatedOn, quotaConflict, toAmounts } from "./amounts";
import { describeShortfalls, tenantQuotaShortfalls } from "./fit";
import { amountsOf, quotaDto } from "./quota-dto";
import type { TenantCtx } from "@/lib/core/scoped-context";

/** Sets the hard limits of a tenant on a cluster; never below what its environments hold. */
export const putTenantQuota = verb(
  "tenants.quotas.put",
  "tenants.quotas.update",
  async ({ ctx, input }: VerbArgs<{ cluster: string; quota: QuotaInput; expectedVersion?: number }, TenantCtx>) => {
    const dto = await inTransaction(async (tx) => {
      const { tenantId } = scopeIds(ctx);
      const cluster = await clusterOrThrow(input.cluster, tx);
      const where = and(eq(tenantQuotas.tenantId, tenantId), eq(tenantQuotas.clusterId, cluster.id));
      const [before] = await tx.select().from(tenantQuotas).where(where).for("update");
      if (before) assertVersion(before, input.expectedVersion);
      else if (input.expectedVersion !== undefined)
        throw new AppError("PRECONDITION_FAILED", "There is no quota yet to match If-Match against.");
      const hard = toAmounts(input.quota);
      const shortfalls = tenantQuotaShortfalls(hard, await allocatedOn(tx, tenantId, cluster.id));
      if (shortfalls.length) {
        throw quotaConflict(
          `The quota cannot drop below what environments already hold on '${cluster.name}': ${describeShortfalls(shortfalls)}.`,
          shortfalls,
        );
      }
      if (before)
        await tx
          .update(tenantQuotas)
          .set({ ...hard, version: sql`${tenantQuotas.version} + 1` })
          .where(where);
      else await tx.insert(tenantQuotas).values({ tenantId, clusterId: cluster.id, ...hard });
      const [after] = await tx.select().from(tenantQuotas).where(where);
      await writeAudit(tx, ctx, {
        action: "tenants.quotas.update",
        tenantId,
        target: `tenant/${ctx.scope.tenant.name}/quota/${cluster.name}`,
        before: before ? formatQuota(amountsOf(before)) : undefined,
        after: formatQuota(hard),
      });
      return quotaDto(tx, tenantId, after, cluster.name);
    });
    emitChange({ type: "tenant", id: ctx.scope.tenant.id });
    return dto;
  },
);
