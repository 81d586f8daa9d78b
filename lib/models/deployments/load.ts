import "server-only";
import { and, eq } from "drizzle-orm";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import type { Executor } from "@/lib/db/client";
import { foundOrThrow } from "@/lib/db/rows";
import { modelDeployments, type ModelDeploymentRow } from "@/lib/db/schema";
import type { DeploymentDto, DeploymentStatus } from "./schemas";

/** The deployment of the environment in scope, or 404 (tenant and environment are in the query). */
export async function loadDeploymentOrThrow(
  tx: Executor,
  ctx: EnvironmentCtx,
  name: string,
  lock = false,
): Promise<ModelDeploymentRow> {
  const query = tx
    .select()
    .from(modelDeployments)
    .where(
      and(
        eq(modelDeployments.tenantId, ctx.scope.tenant.id),
        eq(modelDeployments.environmentId, ctx.scope.environment.id),
        eq(modelDeployments.name, name),
      ),
    );
  const [row] = lock ? await query.for("update") : await query;
  return foundOrThrow(row, `model deployment ${name}`);
}

export async function listDeploymentRows(tx: Executor, ctx: EnvironmentCtx): Promise<ModelDeploymentRow[]> {
  return tx
    .select()
    .from(modelDeployments)
    .where(
      and(
        eq(modelDeployments.tenantId, ctx.scope.tenant.id),
        eq(modelDeployments.environmentId, ctx.scope.environment.id),
      ),
    )
    .orderBy(modelDeployments.name);
}

export const environmentPath = (ctx: EnvironmentCtx) =>
  `/api/v1/tenants/${ctx.scope.tenant.name}/projects/${ctx.scope.project.name}/environments/${ctx.scope.environment.name}`;

export const deploymentTarget = (ctx: EnvironmentCtx, name: string) =>
  `tenant/${ctx.scope.tenant.name}/project/${ctx.scope.project.name}/environment/${ctx.scope.environment.name}/model-deployment/${name}`;

export function deploymentDto(ctx: EnvironmentCtx, row: ModelDeploymentRow, status: DeploymentStatus): DeploymentDto {
  return {
    name: row.name,
    source: row.source,
    model: row.model,
    version: row.modelVersion,
    runtime: row.runtime,
    replicas: row.replicas,
    resources: row.resources,
    parameters: row.parameters,
    task: row.task,
    servedModelName: row.name,
    status,
    endpoint: `${environmentPath(ctx)}/model-deployments/${row.name}/v2`,
    history: row.history,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit rows keep of a deployment. */
export const auditView = (
  row: Pick<ModelDeploymentRow, "source" | "model" | "modelVersion" | "runtime" | "replicas" | "resources">,
) => ({
  source: row.source,
  model: row.model,
  version: row.modelVersion,
  runtime: row.runtime,
  replicas: row.replicas,
  resources: row.resources,
});
