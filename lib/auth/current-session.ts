import "server-only";
import type { Actor } from "./actor";
import { sessionActor } from "./session-actor";

/** For pages: the signed-in actor, or null. */
export function currentSessionUser(): Promise<Actor | null> {
  return sessionActor();
}
