import { createHash, randomBytes } from "node:crypto";

const PREFIX = "fct_";

/** A new opaque bearer token: 32 random bytes, base64url, with a recognisable prefix. */
export function newToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function looksLikeToken(value: string): boolean {
  return value.startsWith(PREFIX) && value.length === PREFIX.length + 43;
}
