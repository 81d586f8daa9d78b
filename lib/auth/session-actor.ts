import "server-only";
import type { Actor } from "./actor";
import { findUserById } from "./find-user";
import { auth } from "./next-auth";
import { isSignedOut } from "./signed-out-sessions";

/** The actor behind the session cookie, re-read from the database on every request so that a
 *  disabled account, a reset password or a revocation ends the session at once. */
export async function sessionActor(): Promise<Actor | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const authAt = (session as unknown as { authAt?: number }).authAt ?? 0;
  // Both lookups on every request: side by side, not one after the other.
  const [user, signedOut] = await Promise.all([findUserById(id), isSignedOut(id, authAt)]);
  if (!user || user.disabled || signedOut) return null;
  if (user.sessionsValidAfter && authAt < user.sessionsValidAfter.getTime()) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    systemRole: user.systemRole,
    via: "session",
    tokenScope: "read-write",
  };
}
