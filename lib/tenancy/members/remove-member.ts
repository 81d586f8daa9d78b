import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { environmentMembers, environments, projectMembers, projects } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { MEMBER_LEVELS, scopePath, table, type MemberLevel } from "./levels";
import { findMember } from "./member-rows";
import type { TenantCtx } from "@/lib/core/scoped-context";

/** Leaving a tenant also ends the person's memberships in its projects and environments. */
export function removeMemberVerb(level: MemberLevel) {
  return verb(
    `${level}.members.remove`,
    MEMBER_LEVELS[level].update,
    async ({ ctx, input }: VerbArgs<{ username: string }, TenantCtx>) =>
      inTransaction(async (tx) => {
        const existing = await findMember(tx, level, ctx, input.username);
        if (!existing) throw new AppError("NOT_FOUND", `'${input.username}' is not a member here.`);
        const t = table(level);
        await tx
          .delete(t)
          .where(
            and(eq(MEMBER_LEVELS[level].parent, MEMBER_LEVELS[level].parentId(ctx)), eq(t.userId, existing.userId)),
          );
        if (level === "tenant") {
          const tenantId = ctx.scope.tenant.id;
          const projectIds = tx.select({ id: projects.id }).from(projects).where(eq(projects.tenantId, tenantId));
          const environmentIds = tx
            .select({ id: environments.id })
            .from(environments)
            .where(eq(environments.tenantId, tenantId));
          await tx
            .delete(projectMembers)
            .where(and(eq(projectMembers.userId, existing.userId), inArray(projectMembers.projectId, projectIds)));
          await tx
            .delete(environmentMembers)
            .where(
              and(
                eq(environmentMembers.userId, existing.userId),
                inArray(environmentMembers.environmentId, environmentIds),
              ),
            );
        }
        await writeAudit(tx, ctx, {
          action: `${level}s.members.remove`,
          tenantId: ctx.scope.tenant.id,
          target: `${scopePath(ctx)}/member/${input.username}`,
          before: { role: existing.role },
        });
      }),
  );
}
