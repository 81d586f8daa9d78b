import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { and, asc, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { environments, projects } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { emitChange } from "@/lib/events";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { queueNamespaceCleanups } from "../environments/queue-cleanup";
import { foundOrThrow } from "@/lib/db/rows";
import { scopeIds } from "../scope";
import type { TenantCtx } from "@/lib/core/scoped-context";

export const deleteProject = verb(
  "projects.delete",
  "projects.delete",
  async ({ ctx, input }: VerbArgs<{ cascade: boolean }, TenantCtx>) => {
    await inTransaction(async (tx) => {
      const { tenantId, projectId } = scopeIds(ctx);
      const where = and(eq(projects.id, projectId!), eq(projects.tenantId, tenantId));
      const project = foundOrThrow((await tx.select().from(projects).where(where).for("update"))[0], "project");
      const children = (
        await tx
          .select({ name: environments.name })
          .from(environments)
          .where(eq(environments.projectId, project.id))
          .orderBy(asc(environments.name))
      ).map((e) => e.name);
      if (children.length && !(input.cascade && ctx.actor.systemRole === "sysadmin")) {
        throw new AppError(
          "CONFLICT",
          `Project '${project.name}' still has ${children.length} environment(s): ${children.join(", ")}. Delete them first, or (sysadmin) pass ?cascade=true.`,
          {
            details: { children: { environments: children } },
          },
        );
      }
      const envIds = (
        await tx.select({ id: environments.id }).from(environments).where(eq(environments.projectId, project.id))
      ).map((e) => e.id);
      await queueNamespaceCleanups(tx, envIds);
      await tx.delete(projects).where(where);
      await writeAudit(tx, ctx, {
        action: "projects.delete",
        tenantId,
        target: `tenant/${ctx.scope.tenant.name}/project/${project.name}`,
        before: { name: project.name, environments: children },
      });
    });
    emitChange({ type: "cleanup" });
  },
);
