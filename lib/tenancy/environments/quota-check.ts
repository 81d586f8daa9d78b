import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { tenantQuotas } from "@/lib/db/schema";
import type { QuotaAmounts } from "../quantity";
import { allocatedOn, quotaConflict } from "../quotas/amounts";
import { describeShortfalls, environmentShortfalls } from "../quotas/fit";

/** Locks the tenant's quota on the cluster (serialising allocations) and checks the request fits. */
export async function assertFitsTenantQuota(
  tx: Executor,
  names: { tenant: string; cluster: string },
  ids: { tenantId: number; clusterId: number; exceptEnvironmentId?: number },
  requested: QuotaAmounts,
): Promise<void> {
  const [quota] = await tx
    .select()
    .from(tenantQuotas)
    .where(and(eq(tenantQuotas.tenantId, ids.tenantId), eq(tenantQuotas.clusterId, ids.clusterId)))
    .for("update");
  const hard: QuotaAmounts = quota ?? { cpuMilli: 0, memoryBytes: 0, storageBytes: 0, pods: 0 };
  const allocated = await allocatedOn(tx, ids.tenantId, ids.clusterId, ids.exceptEnvironmentId);
  const shortfalls = environmentShortfalls(requested, allocated, hard);
  if (shortfalls.length) {
    const why = quota ? "does not fit what the tenant has left" : "cannot be granted: the tenant has no quota";
    throw quotaConflict(
      `The environment quota ${why} on cluster '${names.cluster}' (tenant '${names.tenant}'): ${describeShortfalls(shortfalls)}.`,
      shortfalls,
    );
  }
}
