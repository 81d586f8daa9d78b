import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { apiTokens } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { foundOrThrow } from "@/lib/db/rows";

export const revokeMyToken = verb(
  "me.tokens.revoke",
  "me.tokens.update",
  async ({ ctx, input }: VerbArgs<{ id: number }>) =>
    inTransaction(async (tx) => {
      const where = and(eq(apiTokens.id, input.id), eq(apiTokens.userId, ctx.actor.id), eq(apiTokens.kind, "personal"));
      const row = foundOrThrow((await tx.select().from(apiTokens).where(where).for("update"))[0], "token");
      await tx
        .update(apiTokens)
        .set({ revokedAt: sql`CURRENT_TIMESTAMP(3)` })
        .where(and(where, isNull(apiTokens.revokedAt)));
      await writeAudit(tx, ctx, {
        action: "me.tokens.revoke",
        target: `user/${ctx.actor.username}/token/${row.id}`,
        before: { name: row.name },
      });
    }),
);
