import "server-only";
import { processCache } from "@/lib/cache";
import { getDb } from "@/lib/db/client";
import { currentEpochs } from "@/lib/db/epochs";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { loadEnvironment } from "./load";

type EnvironmentRow = Awaited<ReturnType<typeof loadEnvironment>>;

// Keyed by the environments epoch (any change to an environment row, its sync status included,
// or a cluster's name) and the tenancy epoch (create/delete): triggers bump them in the writing
// transaction, so readers on every replica see a change on their next request.
const rows = processCache<string, EnvironmentRow>("tenancy.environment-rows", { max: 5_000, ttlMs: 5 * 60_000 });

/** The scope's environment for reads; writes lock the row with loadEnvironment() instead. */
export async function cachedEnvironment(ctx: EnvironmentCtx): Promise<EnvironmentRow> {
  const { tenancy, environments } = await currentEpochs();
  const key = `${tenancy}:${environments}:${ctx.scope.tenant.id}:${ctx.scope.environment.id}`;
  const cached = rows.get(key);
  if (cached) return cached;
  const row = await loadEnvironment(getDb(), ctx);
  rows.set(key, row);
  return row;
}
