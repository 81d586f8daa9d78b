import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import { signedOutSessions } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import type { RequestContext } from "@/lib/core/context";
import { baseAuthConfig } from "./base-config";

const SESSION_MS = baseAuthConfig.session.maxAge * 1000;

/** Ends one console session for good: the cookie is cleared by next-auth, and this keeps a
 *  copy of it (or one a request in flight sets again) from being accepted. */
export async function recordSignOut(
  ctx: RequestContext,
  user: { id: number; username: string },
  authAt: number,
): Promise<void> {
  await inTransaction(async (tx) => {
    await tx.delete(signedOutSessions).where(lt(signedOutSessions.expiresAt, new Date()));
    await tx
      .insert(signedOutSessions)
      .values({ userId: user.id, authAt, expiresAt: new Date(authAt + SESSION_MS) })
      .onDuplicateKeyUpdate({ set: { expiresAt: new Date(authAt + SESSION_MS) } });
    await writeAudit(tx, ctx, { actor: user.username, action: "auth.logout", target: `user/${user.username}` });
  });
}

export async function isSignedOut(userId: number, authAt: number): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: signedOutSessions.id })
    .from(signedOutSessions)
    .where(and(eq(signedOutSessions.userId, userId), eq(signedOutSessions.authAt, authAt)))
    .limit(1);
  return Boolean(row);
}
