import { randomUUID } from "node:crypto";

const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** Keeps a caller's X-Request-Id when it is well-formed, otherwise makes one. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && SAFE_ID.test(given) ? given : randomUUID();
}

/** The client's address: the first X-Forwarded-For hop (Next sets it from the socket when
 *  no proxy did), else X-Real-IP. */
export function clientAddressFrom(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || headers.get("x-real-ip")?.trim() || null;
  return address ? address.replace(/^::ffff:/, "").slice(0, 64) : null;
}
