import "server-only";
import { type Executor } from "@/lib/db/client";
import { type TenantQuotaRow } from "@/lib/db/schema";
import { formatQuota, type QuotaAmounts } from "../quantity";
import { allocatedOn } from "./amounts";

export const amountsOf = (row: TenantQuotaRow): QuotaAmounts => ({
  cpuMilli: row.cpuMilli,
  memoryBytes: row.memoryBytes,
  storageBytes: row.storageBytes,
  pods: row.pods,
});

export async function quotaDto(db: Executor, tenantId: number, row: TenantQuotaRow, cluster: string) {
  return {
    cluster,
    hard: formatQuota(amountsOf(row)),
    allocated: formatQuota(await allocatedOn(db, tenantId, row.clusterId)),
    version: row.version,
  };
}

export type TenantQuotaDto = Awaited<ReturnType<typeof quotaDto>>;
