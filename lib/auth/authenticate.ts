import "server-only";
import { unauthorized } from "@/lib/errors";
import type { Actor } from "./actor";
import { authenticateToken } from "./authenticate-token";
import { sessionActor } from "./session-actor";

/** Bearer token first (scripts), then the session cookie (the console). `outsideNext`: the
 *  cookie is read from `headers` rather than Next's request context (WebSocket upgrades). */
export async function authenticate(headers: Headers, outsideNext = false): Promise<Actor> {
  const header = headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthorized("The Authorization header must be 'Bearer <token>'.");
    return authenticateToken(match[1]);
  }
  const actor = await sessionActor(outsideNext ? headers : undefined);
  if (!actor) throw unauthorized();
  return actor;
}
