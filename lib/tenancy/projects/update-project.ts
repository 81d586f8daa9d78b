import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { and, eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { projects } from "@/lib/db/schema";
import { emitChange } from "@/lib/events";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { projectDto } from "../dto";
import { assertVersion, foundOrThrow, uniqueOrConflict } from "@/lib/db/rows";
import type { UpdateProjectInput } from "../schemas";
import { scopeIds } from "../scope";
import type { TenantCtx } from "@/lib/core/scoped-context";

export const updateProject = verb(
  "projects.update",
  "projects.update",
  async ({ ctx, input }: VerbArgs<{ changes: UpdateProjectInput; expectedVersion?: number }, TenantCtx>) => {
    const dto = await inTransaction(async (tx) => {
      const { tenantId, projectId } = scopeIds(ctx);
      const where = and(eq(projects.id, projectId!), eq(projects.tenantId, tenantId));
      const before = foundOrThrow((await tx.select().from(projects).where(where).for("update"))[0], "project");
      assertVersion(before, input.expectedVersion);
      await uniqueOrConflict(
        tx
          .update(projects)
          .set({ ...input.changes, version: sql`${projects.version} + 1` })
          .where(where),
        `Tenant '${ctx.scope.tenant.name}' already has a project named '${input.changes.name}'.`,
      );
      const [after] = await tx.select().from(projects).where(where);
      await writeAudit(tx, ctx, {
        action: "projects.update",
        tenantId,
        target: `tenant/${ctx.scope.tenant.name}/project/${before.name}`,
        before: { name: before.name, description: before.description, networkIsolation: before.networkIsolation },
        after: { name: after.name, description: after.description, networkIsolation: after.networkIsolation },
      });
      return projectDto(after, ctx.scope.tenant.name);
    });
    emitChange({ type: "tenant", id: ctx.scope.tenant.id });
    return dto;
  },
);
