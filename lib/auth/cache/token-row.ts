import "server-only";
import { eq } from "drizzle-orm";
import { processCache } from "@/lib/cache";
import { getDb } from "@/lib/db/client";
import { currentEpochs } from "@/lib/db/epochs";
import { apiTokens, users } from "@/lib/db/schema";

type TokenRow = { token: typeof apiTokens.$inferSelect; user: typeof users.$inferSelect };

// Keyed by the auth epoch: a revocation, disable or password reset anywhere bumps it, so the next
// request on any replica reads the row again. Unknown tokens are not cached (no memory for junk).
const rows = processCache<string, TokenRow>("auth.token-rows", { max: 10_000, ttlMs: 5 * 60_000 });

/** The token and its user by the token's hash, from this process's cache when still current. */
export async function tokenRowByHash(tokenHash: string): Promise<TokenRow | undefined> {
  const { auth } = await currentEpochs();
  const key = `${auth}:${tokenHash}`;
  const cached = rows.get(key);
  if (cached) return cached;
  const [row] = await getDb()
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .limit(1);
  if (row) rows.set(key, row);
  return row;
}
