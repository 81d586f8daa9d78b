import "server-only";
import { createHash } from "node:crypto";
import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { processSingleton } from "@/lib/cache";
import { getDb } from "@/lib/db/client";
import { loginFailures } from "@/lib/db/schema";
import { logger } from "@/lib/observability/logger";

// Ten failed sign-ins a minute per account and per client address, counted in the database so
// that every replica counts the same failures. Times are the database's, so replicas' clocks
// need not agree. Keys come normalised (resolve-login-account.ts, client-address.ts) and are
// compared as given.
export const MAX_FAILURES = 10;
export const WINDOW_MS = 60_000;
const since = () => sql`NOW(3) - INTERVAL ${WINDOW_MS * 1000} MICROSECOND`;

const hashOf = (key: string) => createHash("sha256").update(key).digest("hex");

function keysOf(account: string | null, address: string | null): string[] {
  const keys: string[] = [];
  if (account !== null) keys.push(hashOf(`u:${account}`));
  if (address) keys.push(hashOf(`a:${address}`));
  return keys;
}

export class LoginThrottle {
  /** Seconds to wait before another attempt, or 0 when one is allowed now. A null account
   *  checks the address alone (before the account has been looked up). */
  async retryAfter(account: string | null, address: string | null): Promise<number> {
    const keys = keysOf(account, address);
    if (!keys.length) return 0;
    const rows = await getDb()
      .select({
        keyHash: loginFailures.keyHash,
        ageMs: sql<number>`TIMESTAMPDIFF(MICROSECOND, ${loginFailures.at}, NOW(3)) / 1000`,
      })
      .from(loginFailures)
      .where(and(inArray(loginFailures.keyHash, keys), gt(loginFailures.at, since())))
      .orderBy(loginFailures.at);
    let wait = 0;
    for (const key of keys) {
      // Newest first: the MAX_FAILURES-th newest failure is the one whose expiry frees a try.
      const ages = rows
        .filter((r) => r.keyHash === key)
        .map((r) => Number(r.ageMs))
        .sort((a, b) => a - b);
      if (ages.length >= MAX_FAILURES) wait = Math.max(wait, Math.ceil((WINDOW_MS - ages[MAX_FAILURES - 1]) / 1000));
    }
    return wait;
  }

  async recordFailure(account: string, address: string | null): Promise<void> {
    await getDb()
      .insert(loginFailures)
      .values(keysOf(account, address).map((keyHash) => ({ keyHash, at: sql`NOW(3)` })));
  }

  async recordSuccess(account: string): Promise<void> {
    await getDb()
      .delete(loginFailures)
      .where(eq(loginFailures.keyHash, hashOf(`u:${account}`)));
  }

  /** Drops failures past the window, so the table holds one minute of them. */
  async sweep(): Promise<void> {
    await getDb().delete(loginFailures).where(lt(loginFailures.at, since()));
  }
}

/** The process's handle on the shared throttle, with its sweep timer. */
export function loginThrottle(): LoginThrottle {
  return processSingleton("login-throttle.shared", () => {
    const throttle = new LoginThrottle();
    setInterval(
      () => void throttle.sweep().catch((error) => logger.warn({ err: error }, "login throttle sweep failed")),
      WINDOW_MS,
    ).unref();
    return throttle;
  });
}
