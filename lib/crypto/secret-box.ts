import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Secrets at rest (kubeconfigs, backend passwords): AES-256-GCM with a key derived from
// AUTH_SECRET, so a database dump alone reveals nothing. Rotating AUTH_SECRET means
// re-entering the secrets.
const VERSION = "v1";

function key(secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET): Buffer {
  if (!secret) throw new Error("AUTH_SECRET is not set; it is needed to encrypt secrets at rest");
  return Buffer.from(hkdfSync("sha256", secret, "facet", "secret-box/v1", 32));
}

export function seal(plaintext: string, secret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

export function open(sealed: string, secret?: string): string {
  const [version, payload] = sealed.split(":", 2);
  if (version !== VERSION || !payload) throw new Error("not a sealed secret");
  const raw = Buffer.from(payload, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key(secret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(
      "a stored secret cannot be opened: AUTH_SECRET changed since it was saved, or the row was altered; enter the secret again",
    );
  }
}
