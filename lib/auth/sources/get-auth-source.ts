import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { authSources } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { foundOrThrow } from "@/lib/db/rows";
import { authSourceDto } from "./dto";

export const getAuthSource = verb(
  "auth-sources.get",
  "auth-sources.read",
  async ({ input }: VerbArgs<{ name: string }>) => {
    const [row] = await getDb().select().from(authSources).where(eq(authSources.name, input.name));
    return authSourceDto(foundOrThrow(row, "login source"));
  },
);
