import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, t=2), as OWASP recommends.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | undefined;

/** Verifies a password; with no stored hash it still does the work so that an unknown user
 *  and a wrong password take the same time. argon2 compares digests in constant time. */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hash("facet-timing-equaliser");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
