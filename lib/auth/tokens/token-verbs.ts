import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { apiTokens, type ApiTokenRow } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { foundOrThrow } from "@/lib/tenancy/rows";
import { hashToken, newToken } from "../token-format";
import type { CreateTokenInput } from "./schemas";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const tokenDto = (t: ApiTokenRow) => ({
  id: t.id,
  name: t.name,
  scope: t.scope,
  expiresAt: t.expiresAt.toISOString(),
  lastUsedAt: iso(t.lastUsedAt),
  createdAt: t.createdAt.toISOString(),
  revokedAt: iso(t.revokedAt),
});
export type TokenDto = ReturnType<typeof tokenDto>;

export const listMyTokens = verb("me.tokens.list", "me.tokens.read", async ({ ctx }: VerbArgs<void>) => {
  const rows = await getDb()
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, ctx.actor.id), eq(apiTokens.kind, "personal")))
    .orderBy(desc(apiTokens.id));
  return { items: rows.map(tokenDto), nextCursor: null };
});

/** The token is in the answer once; only its hash is kept. */
export const createMyToken = verb("me.tokens.create", "me.tokens.update", async ({ ctx, input }: VerbArgs<CreateTokenInput>) =>
  inTransaction(async (tx) => {
    const token = newToken();
    const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
    const [{ id }] = await tx
      .insert(apiTokens)
      .values({ userId: ctx.actor.id, kind: "personal", name: input.name, scope: input.scope, tokenHash: hashToken(token), expiresAt })
      .$returningId();
    await writeAudit(tx, ctx, { action: "me.tokens.create", target: `user/${ctx.actor.username}/token/${id}`, after: { name: input.name, scope: input.scope, expiresAt } });
    const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.id, id));
    return { ...tokenDto(row), token };
  }),
);

export const revokeMyToken = verb("me.tokens.revoke", "me.tokens.update", async ({ ctx, input }: VerbArgs<{ id: number }>) =>
  inTransaction(async (tx) => {
    const where = and(eq(apiTokens.id, input.id), eq(apiTokens.userId, ctx.actor.id), eq(apiTokens.kind, "personal"));
    const row = foundOrThrow((await tx.select().from(apiTokens).where(where).for("update"))[0], "token");
    await tx.update(apiTokens).set({ revokedAt: sql`CURRENT_TIMESTAMP(3)` }).where(and(where, isNull(apiTokens.revokedAt)));
    await writeAudit(tx, ctx, { action: "me.tokens.revoke", target: `user/${ctx.actor.username}/token/${row.id}`, before: { name: row.name } });
  }),
);
