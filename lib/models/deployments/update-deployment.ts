import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { inTransaction } from "@/lib/db/transaction";
import { modelDeployments } from "@/lib/db/schema";
import { applyRow, clusterTarget, isSandbox, observe } from "./cluster";
import { auditView, deploymentDto, deploymentTarget, loadDeploymentOrThrow } from "./load";
import { ensureLoaded } from "./model-loads";
import { assertFitsEnvironmentQuota } from "./quota";
import { resolveModel } from "./resolve-model";
import type { DeploymentDto, UpdateDeploymentBody } from "./schemas";
import { deploymentStatus } from "./status";

/**
 * Switches the version (history keeps each switch: who, when), scales or resizes; a new version
 * is resolved like a new deployment and the runtime loads it again.
 */
export const updateDeployment = verb(
  "model-deployments.update",
  "model-deployments.write",
  async ({
    ctx,
    input,
  }: VerbArgs<{ name: string; body: UpdateDeploymentBody }, EnvironmentCtx>): Promise<DeploymentDto> => {
    const target = await clusterTarget(ctx);
    const { before, after, switched } = await inTransaction(async (tx) => {
      const before = await loadDeploymentOrThrow(tx, ctx, input.name, true);
      const version = input.body.version ?? before.modelVersion;
      const switched = version !== before.modelVersion;
      const replicas = input.body.replicas ?? before.replicas;
      const resources = input.body.resources ?? before.resources;
      const resolved = switched
        ? await resolveModel(tx, { source: before.source, model: before.model, version, parameters: before.parameters })
        : null;
      // Nothing on the sandbox serves other sources: such a deployment stays Failed whatever changes.
      const failedForGood = before.phase === "Failed" && before.runtime !== "builtin" && isSandbox(target);
      if (!failedForGood) await assertFitsEnvironmentQuota(tx, ctx, before.name, { replicas, resources });
      await tx
        .update(modelDeployments)
        .set({
          modelVersion: version,
          replicas,
          resources,
          ...(resolved?.kind === "builtin" && { implementation: resolved.implementation }),
          ...(resolved && { task: resolved.task }),
          // A change is a fresh start, except for a model the cluster can never serve.
          ...(!failedForGood && { phase: "Pending" as const, reason: null }),
          history: switched
            ? [...before.history, { version, at: new Date().toISOString(), by: ctx.actor.username }]
            : before.history,
          version: sql`${modelDeployments.version} + 1`,
        })
        .where(and(eq(modelDeployments.id, before.id), eq(modelDeployments.tenantId, ctx.scope.tenant.id)));
      const after = await loadDeploymentOrThrow(tx, ctx, before.name);
      await writeAudit(tx, ctx, {
        action: "model-deployments.update",
        tenantId: ctx.scope.tenant.id,
        target: deploymentTarget(ctx, before.name),
        before: auditView(before),
        after: auditView(after),
      });
      if (!failedForGood) await applyRow(target, after);
      return { before, after, switched };
    });
    if (after.implementation && after.phase !== "Failed")
      ensureLoaded(after.implementation, { retry: true, reload: switched || before.phase === "Failed" });
    return deploymentDto(ctx, after, deploymentStatus(after, (await observe(target, [after])).get(after.name)));
  },
);
