import "server-only";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { apiTokens } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { hashToken, newToken } from "../token-format";
import type { CreateTokenInput } from "./schemas";
import { tokenDto } from "./token-dto";

/** The token is in the answer once; only its hash is kept. */
export const createMyToken = verb(
  "me.tokens.create",
  "me.tokens.update",
  async ({ ctx, input }: VerbArgs<CreateTokenInput>) =>
    inTransaction(async (tx) => {
      const token = newToken();
      const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
      const [{ id }] = await tx
        .insert(apiTokens)
        .values({
          userId: ctx.actor.id,
          kind: "personal",
          name: input.name,
          scope: input.scope,
          tokenHash: hashToken(token),
          expiresAt,
        })
        .$returningId();
      await writeAudit(tx, ctx, {
        action: "me.tokens.create",
        target: `user/${ctx.actor.username}/token/${id}`,
        after: { name: input.name, scope: input.scope, expiresAt },
      });
      const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.id, id));
      return { ...tokenDto(row), token };
    }),
);
