import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Key usernames carry a ':' that Facet usernames cannot, so the two never collide.
const PREFIX = "cfk:";

export function newKeyCredentials(): { username: string; password: string } {
  return { username: PREFIX + randomBytes(10).toString("hex"), password: randomBytes(32).toString("base64url") };
}

/** SHA-256 is enough for 256 random bits, and cheap: the Node SDK sends the password on every request. */
export const hashKeySecret = (password: string) => createHash("sha256").update(password).digest("hex");

export const looksLikeKeyUsername = (username: string) => username.startsWith(PREFIX) && username.length <= 64;

export function secretMatches(password: string, storedHash: string): boolean {
  const given = Buffer.from(hashKeySecret(password), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
