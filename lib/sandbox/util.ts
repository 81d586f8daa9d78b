import { randomBytes } from "node:crypto";

/** JSON with object keys sorted: equal values give equal strings. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export const deepEqual = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** metav1.Time: RFC 3339 with second precision. */
export function timestamp(at: Date = new Date()): string {
  return at.toISOString().replace(/\.\d{3}Z$/, "Z");
}

// The alphabet of k8s.io/apimachinery/pkg/util/rand: no vowels, no confusable characters.
const ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

export function randomSuffix(length = 5): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => ALPHANUMS[b % ALPHANUMS.length]).join("");
}

/** rand.SafeEncodeString: maps each character of a string onto the safe alphabet. */
export function safeEncode(text: string): string {
  return Array.from(text, (c) => ALPHANUMS[c.charCodeAt(0) % ALPHANUMS.length]).join("");
}

/** 32-bit FNV-1a, as pod-template-hash and controller-revision-hash use. */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, "utf8")) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function hexSuffix(): string {
  return randomBytes(8).toString("hex");
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
