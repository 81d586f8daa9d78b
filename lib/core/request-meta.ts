import { randomUUID } from "node:crypto";

const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** Set by Facet's own server only (lib/server/facet-server.ts), which overwrites whatever a
 *  client sent: the socket peer, or the X-Forwarded-For hop a trusted proxy vouches for. */
export const CLIENT_ADDRESS_HEADER = "x-facet-client-address";

/** Keeps a caller's X-Request-Id when it is well-formed, otherwise makes one. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && SAFE_ID.test(given) ? given : randomUUID();
}

/** The client's address as Facet's server resolved it. X-Forwarded-For and X-Real-IP are never
 *  read here: any client can send them. Null when the request did not come through that server. */
export function clientAddressFrom(headers: Headers): string | null {
  const address = headers.get(CLIENT_ADDRESS_HEADER)?.trim();
  return address ? address.slice(0, 64) : null;
}
