import "server-only";
import { and, eq } from "drizzle-orm";
import { clusterOrThrow } from "@/lib/clusters/find-cluster";
import { getDb } from "@/lib/db/client";
import { tenantQuotas } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { scopeIds } from "../scope";
import { quotaDto } from "./quota-dto";
import type { TenantCtx } from "@/lib/core/scoped-context";

export const getTenantQuota = verb(
  "tenants.quotas.get",
  "tenants.quotas.read",
  async ({ ctx, input }: VerbArgs<{ cluster: string }, TenantCtx>) => {
    const { tenantId } = scopeIds(ctx);
    const cluster = await clusterOrThrow(input.cluster);
    const [row] = await getDb()
      .select()
      .from(tenantQuotas)
      .where(and(eq(tenantQuotas.tenantId, tenantId), eq(tenantQuotas.clusterId, cluster.id)));
    if (!row)
      throw new AppError("NOT_FOUND", `Tenant '${ctx.scope.tenant.name}' has no quota on cluster '${cluster.name}'.`);
    return quotaDto(getDb(), tenantId, row, cluster.name);
  },
);
