import "server-only";
import { AppError } from "@/lib/errors";
import { isOwnOrigin } from "./origin";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
// Auth.js's session cookie (chunked as .0, .1… when large; __Secure- prefixed over https).
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

/**
 * A write authenticated by the session cookie must come from the console itself: the app's own
 * Origin, and a JSON body (a cross-site form or `text/plain` fetch cannot send one without a
 * preflight). Bearer-token callers are scripts, not browsers, and carry no ambient credential.
 */
export function assertSameSiteWrite(request: Request): void {
  if (SAFE.has(request.method) || request.headers.has("authorization")) return;
  // Without a session cookie the request is anonymous and authentication answers 401.
  if (!SESSION_COOKIE.test(request.headers.get("cookie") ?? "")) return;
  if (!isOwnOrigin(request.headers.get("origin"), request.headers)) {
    throw new AppError(
      "FORBIDDEN",
      "Cross-site request refused: a write signed in by cookie must come from Facet's own pages (Origin).",
    );
  }
  const hasBody = Number(request.headers.get("content-length") ?? 0) > 0 || request.headers.has("transfer-encoding");
  if (hasBody && !JSON_TYPE.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("FORBIDDEN", "Cross-site request refused: send the body as application/json.");
  }
}
