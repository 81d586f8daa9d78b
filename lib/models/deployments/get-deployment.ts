import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { clusterTarget, observe } from "./cluster";
import { deploymentDto, loadDeploymentOrThrow } from "./load";
import type { DeploymentDto } from "./schemas";
import { deploymentStatus, recordPhase } from "./status";

export const getDeployment = verb(
  "model-deployments.get",
  "model-deployments.read",
  async ({ ctx, input }: VerbArgs<{ name: string }, EnvironmentCtx>): Promise<DeploymentDto> => {
    const row = await loadDeploymentOrThrow(getDb(), ctx, input.name);
    const status = deploymentStatus(row, (await observe(await clusterTarget(ctx), [row])).get(row.name));
    await recordPhase(row, status);
    return deploymentDto(ctx, row, status);
  },
);
