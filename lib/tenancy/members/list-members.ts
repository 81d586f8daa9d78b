import "server-only";
import { and, asc, eq, gt, like, or } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { containsPattern, decodeCursor, toPage } from "@/lib/core/pagination";
import type { ListQuery } from "../schemas";
import { MEMBER_LEVELS, table, type MemberLevel } from "./levels";
import { columns, toDto } from "./member-rows";
import type { TenantCtx } from "@/lib/core/scoped-context";

export function listMembersVerb(level: MemberLevel) {
  return verb(
    `${level}.members.list`,
    MEMBER_LEVELS[level].read,
    async ({ ctx, input }: VerbArgs<ListQuery, TenantCtx>) => {
      const t = table(level);
      const after = decodeCursor(input.cursor);
      const rows = await getDb()
        .select(columns(level))
        .from(t)
        .innerJoin(users, eq(users.id, t.userId))
        .where(
          and(
            eq(MEMBER_LEVELS[level].parent, MEMBER_LEVELS[level].parentId(ctx)),
            after ? gt(users.username, after) : undefined,
            input.q
              ? or(like(users.username, containsPattern(input.q)), like(users.displayName, containsPattern(input.q)))
              : undefined,
          ),
        )
        .orderBy(asc(users.username))
        .limit(input.limit + 1);
      return toPage(rows, input.limit, (r) => r.username, toDto);
    },
  );
}
