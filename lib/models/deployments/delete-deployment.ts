import "server-only";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { inTransaction } from "@/lib/db/transaction";
import { modelDeployments } from "@/lib/db/schema";
import { clusterTarget, removeRow } from "./cluster";
import { auditView, deploymentTarget, loadDeploymentOrThrow } from "./load";

/** Removes the record and its objects on the cluster (the shared runtime unloads the model when idle). */
export const deleteDeployment = verb(
  "model-deployments.delete",
  "model-deployments.write",
  async ({ ctx, input }: VerbArgs<{ name: string }, EnvironmentCtx>): Promise<void> => {
    const target = await clusterTarget(ctx);
    await inTransaction(async (tx) => {
      const row = await loadDeploymentOrThrow(tx, ctx, input.name, true);
      await tx
        .delete(modelDeployments)
        .where(and(eq(modelDeployments.id, row.id), eq(modelDeployments.tenantId, ctx.scope.tenant.id)));
      await writeAudit(tx, ctx, {
        action: "model-deployments.delete",
        tenantId: ctx.scope.tenant.id,
        target: deploymentTarget(ctx, input.name),
        before: auditView(row),
      });
      await removeRow(target, row);
    });
  },
);
