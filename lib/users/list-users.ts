import "server-only";
import { and, asc, gt, like, or } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { containsPattern, decodeCursor, toPage } from "@/lib/core/pagination";
import type { ListQuery } from "@/lib/tenancy/schemas";
import { userDto } from "./dto";

export const listUsers = verb("users.list", "users.read", async ({ input }: VerbArgs<ListQuery>) => {
  const after = decodeCursor(input.cursor);
  const pattern = input.q ? containsPattern(input.q) : undefined;
  const rows = await getDb()
    .select()
    .from(users)
    .where(
      and(
        after ? gt(users.username, after) : undefined,
        pattern
          ? or(like(users.username, pattern), like(users.displayName, pattern), like(users.email, pattern))
          : undefined,
      ),
    )
    .orderBy(asc(users.username))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (r) => r.username, userDto);
});
