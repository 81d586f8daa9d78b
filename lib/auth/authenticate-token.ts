import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { apiTokens, users } from "@/lib/db/schema";
import { unauthorized } from "@/lib/errors";
import type { Actor } from "./actor";
import { hashToken, looksLikeToken } from "./token-format";

const TOUCH_EVERY_MS = 60_000;

/** Resolves a bearer token to its actor. Tampered, expired, revoked tokens and tokens of
 *  disabled users all answer 401. */
export async function authenticateToken(token: string): Promise<Actor> {
  if (!looksLikeToken(token)) throw unauthorized("The bearer token is not valid.");
  const db = getDb();
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashToken(token)))
    .limit(1);
  const now = Date.now();
  if (!row || row.token.revokedAt || row.token.expiresAt.getTime() <= now || row.user.disabled) {
    throw unauthorized("The bearer token is not valid, has expired or was revoked.");
  }
  if (!row.token.lastUsedAt || now - row.token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    // Last use is informational; a lost race only skips one touch.
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`CURRENT_TIMESTAMP(3)` })
      .where(and(eq(apiTokens.id, row.token.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now - TOUCH_EVERY_MS)))));
  }
  return {
    id: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    systemRole: row.user.systemRole,
    via: "token",
    tokenScope: row.token.scope,
  };
}
