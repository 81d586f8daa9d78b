import "server-only";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { users, type UserRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/core/context";
import type { ExternalProfile } from "./ldap";

const USERNAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$/;

/** The user behind an external sign-in: created (normal, bound to the source) the first time;
 *  a username that belongs to a local account or another source is never taken over. */
export async function provisionExternalUser(
  ctx: RequestContext,
  source: string,
  profile: ExternalProfile,
): Promise<UserRow> {
  if (!USERNAME.test(profile.username))
    throw new AppError(
      "UNAUTHORIZED",
      `The source gave a username Facet cannot use ('${profile.username.slice(0, 64)}').`,
    );
  return inTransaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.username, profile.username)).for("update");
    if (existing) {
      if (existing.authSource !== source || (existing.externalId && existing.externalId !== profile.externalId)) {
        throw new AppError(
          "UNAUTHORIZED",
          `The username '${profile.username}' already belongs to another account; ask an administrator.`,
        );
      }
      if (existing.email !== profile.email || existing.displayName !== profile.displayName || !existing.externalId) {
        await tx
          .update(users)
          .set({ email: profile.email, displayName: profile.displayName, externalId: profile.externalId })
          .where(eq(users.id, existing.id));
      }
      const [fresh] = await tx.select().from(users).where(eq(users.id, existing.id));
      return fresh;
    }
    await tx.insert(users).values({
      username: profile.username,
      displayName: profile.displayName,
      email: profile.email,
      systemRole: "normal",
      authSource: source,
      externalId: profile.externalId,
      passwordHash: null,
    });
    const [created] = await tx.select().from(users).where(eq(users.username, profile.username));
    await writeAudit(
      tx,
      { ...ctx, actor: null },
      {
        actor: profile.username,
        action: "users.create",
        target: `user/${profile.username}`,
        after: { source, externalId: profile.externalId },
      },
    );
    return created;
  });
}
