import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { authSources } from "@/lib/db/schema";
import { verb } from "@/lib/core/verb";
import { authSourceDto } from "./dto";

export const listAuthSources = verb("auth-sources.list", "auth-sources.read", async () => {
  const rows = await getDb().select().from(authSources).orderBy(asc(authSources.name));
  return { items: rows.map(authSourceDto), nextCursor: null };
});
