import "server-only";
import { unauthorized } from "@/lib/errors";
import type { Actor } from "./actor";
import { authenticateToken } from "./authenticate-token";
import { sessionActor } from "./session-actor";

/** Bearer token first (scripts), then the session cookie (the console). */
export async function authenticate(headers: Headers): Promise<Actor> {
  const header = headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthorized("The Authorization header must be 'Bearer <token>'.");
    return authenticateToken(match[1]);
  }
  const actor = await sessionActor();
  if (!actor) throw unauthorized();
  return actor;
}
