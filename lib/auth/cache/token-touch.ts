import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { processCache } from "@/lib/cache";
import { getDb } from "@/lib/db/client";
import { apiTokens } from "@/lib/db/schema";

const TOUCH_EVERY_MS = 60_000;

// When this process last touched each token: the cached row's lastUsedAt goes stale.
const touched = processCache<number, number>("auth.token-touched", { max: 10_000, ttlMs: TOUCH_EVERY_MS });

/** Records a token's last use at most once a minute per process; the guarded UPDATE keeps
 *  several replicas from writing more often than that. Informational: a lost race skips one. */
export async function touchToken(token: { id: number; lastUsedAt: Date | null }, now: number): Promise<void> {
  if (touched.has(token.id)) return;
  const sinceLastUse = token.lastUsedAt ? now - token.lastUsedAt.getTime() : Infinity;
  if (sinceLastUse <= TOUCH_EVERY_MS) {
    touched.set(token.id, now, { ttl: Math.max(1, TOUCH_EVERY_MS - sinceLastUse) });
    return;
  }
  touched.set(token.id, now);
  await getDb()
    .update(apiTokens)
    .set({ lastUsedAt: sql`CURRENT_TIMESTAMP(3)` })
    .where(
      and(
        eq(apiTokens.id, token.id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now - TOUCH_EVERY_MS))),
      ),
    );
}
