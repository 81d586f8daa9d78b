import "server-only";
import { and, eq } from "drizzle-orm";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb, type Executor } from "@/lib/db/client";
import { probes, type ProbeRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export const probeWhere = (ctx: EnvironmentCtx, name: string) =>
  and(
    eq(probes.tenantId, ctx.scope.tenant.id),
    eq(probes.environmentId, ctx.scope.environment.id),
    eq(probes.name, name),
  );

/** The environment's probe by name, or 404; `lock` takes it FOR UPDATE in the caller's transaction. */
export async function getProbeInEnvironmentOrThrow(
  ctx: EnvironmentCtx,
  name: string,
  tx: Executor = getDb(),
  lock = false,
): Promise<ProbeRow> {
  const q = tx.select().from(probes).where(probeWhere(ctx, name));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw new AppError("NOT_FOUND", `The probe '${name}' does not exist.`);
  return row;
}
