import "server-only";
import type { Actor } from "./actor";
import { sessionFacts } from "./cache/session-user";
import { auth } from "./next-auth";

/** The actor behind the session cookie, checked against the database on every request (through
 *  an epoch-keyed cache) so that a disabled account, a reset password or a revocation ends the
 *  session at once. */
export async function sessionActor(): Promise<Actor | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const authAt = (session as unknown as { authAt?: number }).authAt ?? 0;
  const { user, signedOut } = await sessionFacts(id, authAt);
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
