import "server-only";
import { unauthorized } from "@/lib/errors";
import type { Actor } from "./actor";
import { tokenRowByHash } from "./cache/token-row";
import { touchToken } from "./cache/token-touch";
import { hashToken, looksLikeToken } from "./token-format";

/** Resolves a bearer token to its actor. Tampered, expired, revoked tokens and tokens of
 *  disabled users all answer 401. */
export async function authenticateToken(token: string): Promise<Actor> {
  if (!looksLikeToken(token)) throw unauthorized("The bearer token is not valid.");
  const row = await tokenRowByHash(hashToken(token));
  const now = Date.now();
  if (!row || row.token.revokedAt || row.token.expiresAt.getTime() <= now || row.user.disabled) {
    throw unauthorized("The bearer token is not valid, has expired or was revoked.");
  }
  await touchToken(row.token, now);
  return {
    id: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    systemRole: row.user.systemRole,
    via: "token",
    tokenScope: row.token.scope,
  };
}
