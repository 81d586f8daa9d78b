import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { inTransaction } from "@/lib/db/transaction";
import { uniqueOrConflict } from "@/lib/db/rows";
import { modelDeployments } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { applyRow, clusterRuntime, clusterTarget, isSandbox, observe } from "./cluster";
import { auditView, deploymentDto, deploymentTarget, loadDeploymentOrThrow } from "./load";
import { ensureLoaded } from "./model-loads";
import { assertFitsEnvironmentQuota } from "./quota";
import { resolveModel } from "./resolve-model";
import type { DeploymentBody, DeploymentDto } from "./schemas";
import { deploymentStatus } from "./status";

const SANDBOX_ONLY_BUILTIN =
  "The sandbox cluster serves models with Facet's built-in runtime only, which serves models from Facet's own registry (source 'facet'); deploy this model to a cluster with Seldon Core or KServe.";

/**
 * Deploys a model into the environment: resolves what serves it, checks the quota, records it
 * with its audit row and puts its objects on the cluster, all in one transaction.
 */
export const createDeployment = verb(
  "model-deployments.create",
  "model-deployments.write",
  async ({ ctx, input }: VerbArgs<DeploymentBody, EnvironmentCtx>): Promise<DeploymentDto> => {
    const target = await clusterTarget(ctx);
    const row = await inTransaction(async (tx) => {
      const resolved = await resolveModel(tx, input);
      let runtime = input.runtime;
      let phase: "Pending" | "Failed" = "Pending";
      let reason: string | null = null;
      if (resolved.kind === "builtin") {
        if (runtime && runtime !== "builtin")
          throw new AppError(
            "VALIDATION",
            `Models from Facet's registry are served by the built-in runtime, not ${runtime}.`,
            {
              errors: [{ path: "body.runtime", message: "must be builtin for source facet" }],
            },
          );
        runtime = "builtin";
      } else if (isSandbox(target)) {
        runtime = runtime ?? "seldon";
        phase = "Failed";
        reason = SANDBOX_ONLY_BUILTIN;
      } else {
        runtime = await clusterRuntime(target, runtime);
        if (!resolved.task)
          throw new AppError("VALIDATION", "Name the model's task in parameters.task (e.g. text-classification).", {
            errors: [{ path: "body.parameters.task", message: "required: the source does not say the model's task" }],
          });
      }
      if (phase !== "Failed") await assertFitsEnvironmentQuota(tx, ctx, input.name, input);
      const at = new Date().toISOString();
      await uniqueOrConflict(
        tx.insert(modelDeployments).values({
          tenantId: ctx.scope.tenant.id,
          projectId: ctx.scope.project.id,
          environmentId: ctx.scope.environment.id,
          name: input.name,
          source: input.source,
          model: input.model,
          modelVersion: input.version,
          runtime,
          implementation: resolved.kind === "builtin" ? resolved.implementation : null,
          task: resolved.task,
          replicas: input.replicas,
          resources: input.resources,
          parameters: input.parameters,
          phase,
          reason,
          history: [{ version: input.version, at, by: ctx.actor.username }],
        }),
        `Environment '${ctx.scope.environment.name}' already has a model deployment named '${input.name}'.`,
      );
      const created = await loadDeploymentOrThrow(tx, ctx, input.name);
      await writeAudit(tx, ctx, {
        action: "model-deployments.create",
        tenantId: ctx.scope.tenant.id,
        target: deploymentTarget(ctx, input.name),
        after: { ...auditView(created), phase, reason },
      });
      // Last, so a cluster that refuses the objects rolls the record back with it.
      if (phase !== "Failed") await applyRow(target, created);
      return created;
    });
    if (row.implementation && row.phase !== "Failed") ensureLoaded(row.implementation, { retry: true });
    return deploymentDto(ctx, row, deploymentStatus(row, (await observe(target, [row])).get(row.name)));
  },
);
