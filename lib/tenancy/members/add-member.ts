import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { MEMBER_LEVELS, memberValues, scopePath, table, type MemberLevel } from "./levels";
import { candidate, findMember, memberDto } from "./member-rows";
import type { TenantCtx } from "@/lib/core/scoped-context";

export function addMemberVerb(level: MemberLevel) {
  return verb(
    `${level}.members.add`,
    MEMBER_LEVELS[level].update,
    async ({ ctx, input }: VerbArgs<{ username: string; role: string }, TenantCtx>) =>
      inTransaction(async (tx) => {
        const user = await candidate(tx, level, ctx, input.username);
        if (await findMember(tx, level, ctx, input.username)) {
          throw new AppError(
            "CONFLICT",
            `'${input.username}' is already a member here; change their role with PUT .../members/${input.username}.`,
          );
        }
        await tx.insert(table(level)).values(memberValues(level, ctx, user.id, input.role));
        await writeAudit(tx, ctx, {
          action: `${level}s.members.add`,
          tenantId: ctx.scope.tenant.id,
          target: `${scopePath(ctx)}/member/${input.username}`,
          after: { role: input.role },
        });
        return memberDto(tx, level, ctx, input.username);
      }),
  );
}
