import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { apiTokens } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { tokenDto } from "./token-dto";

export const listMyTokens = verb("me.tokens.list", "me.tokens.read", async ({ ctx }: VerbArgs<void>) => {
  const rows = await getDb()
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, ctx.actor.id), eq(apiTokens.kind, "personal")))
    .orderBy(desc(apiTokens.id));
  return { items: rows.map(tokenDto), nextCursor: null };
});
