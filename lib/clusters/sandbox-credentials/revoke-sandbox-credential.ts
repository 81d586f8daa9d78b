import "server-only";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { sandboxTokens } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { forgetVerifiedSandboxTokens } from "@/lib/sandbox/credentials";
import { foundOrThrow } from "@/lib/db/rows";

/** Revokes a sandbox credential of the actor's own; a sysadmin may revoke anyone's. Facet's own
 *  (ownerless) tokens are not credentials anyone downloaded and are not found here. */
export const revokeSandboxCredential = verb(
  "me.sandboxCredentials.revoke",
  "me.tokens.update",
  async ({ ctx, input }: VerbArgs<{ id: number }>) => {
    await inTransaction(async (tx) => {
      const owned =
        ctx.actor.systemRole === "sysadmin" ? isNotNull(sandboxTokens.userId) : eq(sandboxTokens.userId, ctx.actor.id);
      const where = and(eq(sandboxTokens.id, input.id), owned);
      const row = foundOrThrow(
        (await tx.select().from(sandboxTokens).where(where).for("update"))[0],
        "sandbox credential",
      );
      await tx
        .update(sandboxTokens)
        .set({ revokedAt: sql`CURRENT_TIMESTAMP(3)` })
        .where(and(where, isNull(sandboxTokens.revokedAt)));
      await writeAudit(tx, ctx, {
        action: "me.sandboxCredentials.revoke",
        target: `sandbox-credential/${row.id}`,
        before: { name: row.name, userId: row.userId },
      });
    });
    forgetVerifiedSandboxTokens();
  },
);
