/** AUTH_URL's origin when it is set: the one public address Facet is reached at. */
export function configuredOrigin(): string | null {
  const raw = process.env.AUTH_URL;
  if (!raw) return null;
  try {
    return new URL(raw).origin;
  } catch {
    return null;
  }
}

/**
 * The origin to print in links and kubeconfigs: AUTH_URL when set, else the Host the client
 * asked for (never X-Forwarded-Host, which any client can send).
 */
export function publicOrigin(headers: Headers): string {
  return configuredOrigin() ?? `http://${headers.get("host") ?? "localhost:3000"}`;
}

/** True when a browser's Origin header names this app (AUTH_URL, else the request's own Host). */
export function isOwnOrigin(origin: string | null, headers: Headers): boolean {
  if (!origin || origin === "null") return false;
  let given: URL;
  try {
    given = new URL(origin);
  } catch {
    return false;
  }
  const configured = configuredOrigin();
  if (configured) return given.origin === configured;
  const host = headers.get("host");
  return (
    Boolean(host) && given.host === host!.toLowerCase() && (given.protocol === "http:" || given.protocol === "https:")
  );
}
