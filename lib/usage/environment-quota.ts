import "server-only";
import { and, eq } from "drizzle-orm";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { foundOrThrow } from "@/lib/db/rows";
import { environments } from "@/lib/db/schema";

/** The quota of the environment in scope (what its ResourceQuota holds as hard limits). */
export async function environmentQuotaOrThrow(ctx: EnvironmentCtx) {
  const [row] = await getDb()
    .select({ cpuMilli: environments.cpuMilli, memoryBytes: environments.memoryBytes, pods: environments.pods })
    .from(environments)
    .where(and(eq(environments.id, ctx.scope.environment.id), eq(environments.tenantId, ctx.scope.tenant.id)));
  return foundOrThrow(row, "environment");
}
