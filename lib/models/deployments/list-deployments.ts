import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { clusterTarget, observe } from "./cluster";
import { deploymentDto, listDeploymentRows } from "./load";
import type { DeploymentDto } from "./schemas";
import { deploymentStatus, recordPhase } from "./status";

export const listDeployments = verb(
  "model-deployments.list",
  "model-deployments.read",
  async ({ ctx }: VerbArgs<undefined, EnvironmentCtx>): Promise<{ items: DeploymentDto[] }> => {
    const rows = await listDeploymentRows(getDb(), ctx);
    const observed = await observe(await clusterTarget(ctx), rows);
    const items = await Promise.all(
      rows.map(async (row) => {
        const status = deploymentStatus(row, observed.get(row.name));
        await recordPhase(row, status);
        return deploymentDto(ctx, row, status);
      }),
    );
    return { items };
  },
);
