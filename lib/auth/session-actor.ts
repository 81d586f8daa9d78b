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
  const user = await findUserById(id);
  if (!user || user.disabled) return null;
  const authAt = (session as unknown as { authAt?: number }).authAt ?? 0;
  if (user.sessionsValidAfter && authAt < user.sessionsValidAfter.getTime()) return null;
  if (await isSignedOut(user.id, authAt)) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    systemRole: user.systemRole,
    via: "session",
    tokenScope: "read-write",
  };
}
