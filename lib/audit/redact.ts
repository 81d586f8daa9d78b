const SECRET_KEY = /pass(word)?|secret|token|kubeconfig|private|credential|api[-_]?key|access[-_]?key/i;

/** Deep copy with every value under a secret-looking key replaced. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    const v = value as Record<string, unknown>;
    // Name/value pairs (environment variables): judge the secret by its name.
    if (typeof v.name === "string" && "value" in v && SECRET_KEY.test(v.name)) return { ...v, value: "[redacted]" };
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) ? "[redacted]" : redact(v),
      ]),
    );
  }
  return value;
}
