import "server-only";
import type { Actor } from "./actor";
import { sessionFacts } from "./cache/session-user";
import type { Session } from "next-auth";
import { auth } from "./next-auth";

/** The actor behind the session cookie, checked against the database on every request (through
 *  an epoch-keyed cache) so that a disabled account, a reset password or a revocation ends the
 *  session at once. */
export async function sessionActor(headers?: Headers): Promise<Actor | null> {
  // Outside a Next request (a WebSocket upgrade on Facet's node:http front) the cookie comes
  // from the given headers; Auth.js's API-route form reads them and may refresh the cookie.
  const session = headers
    ? await (auth as unknown as (req: { headers: Headers }, res: { headers: Headers }) => Promise<Session | null>)(
        { headers },
        { headers: new Headers() },
      )
    : await auth();
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
