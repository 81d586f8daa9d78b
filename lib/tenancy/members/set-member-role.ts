import "server-only";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { MEMBER_LEVELS, memberValues, scopePath, table, type MemberLevel } from "./levels";
import { candidate, findMember, memberDto } from "./member-rows";
import type { TenantCtx } from "@/lib/core/scoped-context";

/** PUT: sets the role, adding the member when they are not one yet. */
export function setMemberRoleVerb(level: MemberLevel) {
  return verb(
    `${level}.members.set`,
    MEMBER_LEVELS[level].update,
    async ({ ctx, input }: VerbArgs<{ username: string; role: string }, TenantCtx>) =>
      inTransaction(async (tx) => {
        const existing = await findMember(tx, level, ctx, input.username);
        const t = table(level);
        if (existing) {
          await tx
            .update(t)
            .set({ role: input.role as never })
            .where(
              and(eq(MEMBER_LEVELS[level].parent, MEMBER_LEVELS[level].parentId(ctx)), eq(t.userId, existing.userId)),
            );
        } else {
          const user = await candidate(tx, level, ctx, input.username);
          await tx.insert(t).values(memberValues(level, ctx, user.id, input.role));
        }
        await writeAudit(tx, ctx, {
          action: `${level}s.members.${existing ? "update" : "add"}`,
          tenantId: ctx.scope.tenant.id,
          target: `${scopePath(ctx)}/member/${input.username}`,
          before: existing ? { role: existing.role } : undefined,
          after: { role: input.role },
        });
        return memberDto(tx, level, ctx, input.username);
      }),
  );
}
