import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { and, asc, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { applications, environments } from "@/lib/db/schema";
import { emitChange } from "@/lib/events";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { scopeIds } from "../scope";
import { loadEnvironment } from "./load";
import { queueNamespaceCleanups } from "./queue-cleanup";
import type { ProjectCtx } from "@/lib/core/scoped-context";

/** Deletes the environment with its applications and members; the audit row lists what went. */
export const deleteEnvironment = verb(
  "environments.delete",
  "environments.delete",
  async ({ ctx }: VerbArgs<void, ProjectCtx>) => {
    await inTransaction(async (tx) => {
      const { tenantId } = scopeIds(ctx);
      const { env, cluster } = await loadEnvironment(tx, ctx, true);
      const apps = (
        await tx
          .select({ name: applications.name })
          .from(applications)
          .where(eq(applications.environmentId, env.id))
          .orderBy(asc(applications.name))
      ).map((a) => a.name);
      await queueNamespaceCleanups(tx, [env.id]);
      await tx.delete(environments).where(and(eq(environments.id, env.id), eq(environments.tenantId, tenantId)));
      await writeAudit(tx, ctx, {
        action: "environments.delete",
        tenantId,
        target: `tenant/${ctx.scope.tenant.name}/project/${ctx.scope.project.name}/environment/${env.name}`,
        before: {
          name: env.name,
          type: env.type,
          cluster,
          namespace: env.namespace,
          applications: apps,
          deletePolicy: env.deletePolicy,
        },
      });
    });
    emitChange({ type: "cleanup" });
  },
);
