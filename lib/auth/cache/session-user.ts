import "server-only";
import { processCache } from "@/lib/cache";
import { currentEpochs } from "@/lib/db/epochs";
import type { UserRow } from "@/lib/db/schema";
import { findUserById } from "../find-user";
import { isSignedOut } from "../signed-out-sessions";

interface SessionFacts {
  user: UserRow | null;
  signedOut: boolean;
}

// Keyed by the auth epoch: sign-out, disable, password reset or revocation bump it in their
// transaction, so they still end the session on the very next request, on every replica.
const facts = processCache<string, SessionFacts>("auth.session-facts", { max: 10_000, ttlMs: 5 * 60_000 });

/** The session's user and whether that very session was signed out. */
export async function sessionFacts(userId: number, authAt: number): Promise<SessionFacts> {
  const { auth } = await currentEpochs();
  const key = `${auth}:${userId}:${authAt}`;
  const cached = facts.get(key);
  if (cached) return cached;
  // Both lookups side by side, not one after the other.
  const [user, signedOut] = await Promise.all([findUserById(userId), isSignedOut(userId, authAt)]);
  const found = { user: user ?? null, signedOut };
  facts.set(key, found);
  return found;
}
