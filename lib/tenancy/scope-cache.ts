import "server-only";
import { processCache } from "@/lib/cache";
import { currentEpochs } from "@/lib/db/epochs";

// Keyed by the tenancy epoch: creating, renaming or deleting a tenant, project or environment and
// every membership or role change bump it in the writing transaction (database triggers), so the
// next request on any replica resolves the scope afresh. Misses (404) are not cached.
const rows = processCache<string, object>("tenancy.scope-rows", { max: 20_000, ttlMs: 5 * 60_000 });

/** A scope lookup (ids, names, the actor's role) from this process's cache when still current. */
export async function cachedScopeRow<T extends object>(
  parts: (string | number)[],
  load: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const { tenancy } = await currentEpochs();
  // JSON keeps names apart whatever characters they hold.
  const key = JSON.stringify([tenancy, ...parts]);
  const cached = rows.get(key) as T | undefined;
  if (cached) return cached;
  const row = await load();
  if (row) rows.set(key, row);
  return row;
}
