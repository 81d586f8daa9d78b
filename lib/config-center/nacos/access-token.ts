import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

// accessTokens for config keys: stateless and signed (the key row is still checked on use,
// so deleting a key revokes its tokens). Users get a Facet API token instead.
const PREFIX = "nkt.";
export const KEY_TOKEN_TTL_SECONDS = 18_000;

function secret(): Buffer {
  const base = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!base) throw new Error("AUTH_SECRET is not set; it signs Nacos access tokens");
  return Buffer.from(hkdfSync("sha256", base, "facet", "nacos-access-token/v1", 32));
}

const sign = (payload: string) => createHmac("sha256", secret()).update(payload).digest("base64url");

export function signKeyToken(keyId: number, ttlSeconds = KEY_TOKEN_TTL_SECONDS, now = Date.now()): string {
  const payload = `${keyId}.${Math.floor(now / 1000) + ttlSeconds}`;
  return `${PREFIX}${payload}.${sign(payload)}`;
}

/** The key id of a valid, unexpired token, else null. */
export function verifyKeyToken(token: string, now = Date.now()): number | null {
  if (!token.startsWith(PREFIX)) return null;
  const [keyId, expires, mac] = token.slice(PREFIX.length).split(".");
  if (!keyId || !expires || !mac || !/^\d+$/.test(keyId) || !/^\d+$/.test(expires)) return null;
  const expected = Buffer.from(sign(`${keyId}.${expires}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return Number(expires) * 1000 > now ? Number(keyId) : null;
}

export const looksLikeKeyToken = (token: string) => token.startsWith(PREFIX);
