import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { asc, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { environments, projects, tenants } from "@/lib/db/schema";
import { emitChange } from "@/lib/events";
import { AppError } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { queueNamespaceCleanups } from "../environments/queue-cleanup";
import { foundOrThrow } from "@/lib/db/rows";
import { scopeIds } from "../scope";

/** Refuses while projects remain, unless a sysadmin cascades; members, quotas and everything
 *  below go with the tenant (foreign keys cascade). */
export const deleteTenant = verb(
  "tenants.delete",
  "tenants.delete",
  async ({ ctx, input }: VerbArgs<{ cascade: boolean }>) => {
    await inTransaction(async (tx) => {
      const { tenantId } = scopeIds(ctx);
      const tenant = foundOrThrow(
        (await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for("update"))[0],
        "tenant",
      );
      const children = (
        await tx
          .select({ name: projects.name })
          .from(projects)
          .where(eq(projects.tenantId, tenantId))
          .orderBy(asc(projects.name))
      ).map((p) => p.name);
      if (children.length && !(input.cascade && ctx.actor.systemRole === "sysadmin")) {
        throw new AppError(
          "CONFLICT",
          `Tenant '${tenant.name}' still has ${children.length} project(s): ${children.join(", ")}. Delete them first, or (sysadmin) pass ?cascade=true.`,
          {
            details: { children: { projects: children } },
          },
        );
      }
      const envIds = (
        await tx.select({ id: environments.id }).from(environments).where(eq(environments.tenantId, tenantId))
      ).map((e) => e.id);
      await queueNamespaceCleanups(tx, envIds);
      await tx.delete(tenants).where(eq(tenants.id, tenantId));
      await writeAudit(tx, ctx, {
        action: "tenants.delete",
        tenantId,
        target: `tenant/${tenant.name}`,
        before: { name: tenant.name, projects: children },
      });
    });
    emitChange({ type: "cleanup" });
  },
);
