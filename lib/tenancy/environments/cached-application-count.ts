import "server-only";
import { count, eq } from "drizzle-orm";
import { processCache } from "@/lib/cache";
import { getDb } from "@/lib/db/client";
import { currentEpochs } from "@/lib/db/epochs";
import { applications } from "@/lib/db/schema";

// Keyed by the environments epoch, which creating or deleting an application bumps (trigger).
const counts = processCache<string, number>("tenancy.application-counts", { max: 5_000, ttlMs: 5 * 60_000 });

/** How many applications the environment has, for its detail page. */
export async function cachedApplicationCount(environmentId: number): Promise<number> {
  const { environments } = await currentEpochs();
  const key = `${environments}:${environmentId}`;
  const cached = counts.get(key);
  if (cached !== undefined) return cached;
  const [{ n }] = await getDb()
    .select({ n: count() })
    .from(applications)
    .where(eq(applications.environmentId, environmentId));
  counts.set(key, n);
  return n;
}
