import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { environments } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { parseBytes, parseCount, parseCpu, type QuotaAmounts } from "../quantity";
import type { QuotaInput } from "../schemas";

export function toAmounts(q: QuotaInput): QuotaAmounts {
  return {
    cpuMilli: parseCpu(q.cpu)!,
    memoryBytes: parseBytes(q.memory)!,
    storageBytes: parseBytes(q.storage)!,
    pods: parseCount(q.pods)!,
  };
}

/** Sum of the environment quotas a tenant holds on a cluster, optionally leaving one out. */
export async function allocatedOn(
  tx: Executor,
  tenantId: number,
  clusterId: number,
  exceptEnvironmentId?: number,
): Promise<QuotaAmounts> {
  const [row] = await tx
    .select({
      cpuMilli: sql<string>`COALESCE(SUM(${environments.cpuMilli}), 0)`,
      memoryBytes: sql<string>`COALESCE(SUM(${environments.memoryBytes}), 0)`,
      storageBytes: sql<string>`COALESCE(SUM(${environments.storageBytes}), 0)`,
      pods: sql<string>`COALESCE(SUM(${environments.pods}), 0)`,
    })
    .from(environments)
    .where(
      and(
        eq(environments.tenantId, tenantId),
        eq(environments.clusterId, clusterId),
        exceptEnvironmentId ? ne(environments.id, exceptEnvironmentId) : undefined,
      ),
    );
  return {
    cpuMilli: Number(row.cpuMilli),
    memoryBytes: Number(row.memoryBytes),
    storageBytes: Number(row.storageBytes),
    pods: Number(row.pods),
  };
}

export function quotaConflict(message: string, shortfalls: unknown[]): AppError {
  return new AppError("CONFLICT", message, { details: { shortfalls } });
}
