import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { writeAudit } from "@/lib/audit/write-audit";
import { clusterForInputOrThrow } from "@/lib/clusters/find-cluster";
import { environments } from "@/lib/db/schema";
import { emitChange } from "@/lib/events";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { uniqueOrConflict } from "@/lib/db/rows";
import type { CreateEnvironmentInput } from "../schemas";
import { scopeIds } from "../scope";
import { toAmounts } from "../quotas/amounts";
import { limitColumns } from "./limits";
import { environmentDtoFor, loadEnvironment } from "./load";
import { chooseNamespace } from "./namespace";
import { assertFitsTenantQuota } from "./quota-check";
import type { ProjectCtx } from "@/lib/core/scoped-context";

export const createEnvironment = verb(
  "environments.create",
  "environments.create",
  async ({ ctx, input }: VerbArgs<CreateEnvironmentInput, ProjectCtx>) => {
    let createdId = 0;
    const dto = await inTransaction(async (tx) => {
      const { tenantId, projectId } = scopeIds(ctx);
      const tenant = ctx.scope.tenant.name;
      const project = ctx.scope.project.name;
      const cluster = await clusterForInputOrThrow(input.cluster, "body.cluster", tx);
      const quota = toAmounts(input.quota);
      await assertFitsTenantQuota(tx, { tenant, cluster: cluster.name }, { tenantId, clusterId: cluster.id }, quota);

      const { namespace, created: namespaceCreated } = await chooseNamespace(tx, cluster, {
        tenant,
        project,
        environment: input.name,
        requested: input.namespace,
      });

      const [{ id }] = await uniqueOrConflict(
        tx
          .insert(environments)
          .values({
            tenantId,
            projectId: projectId!,
            name: input.name,
            type: input.type,
            clusterId: cluster.id,
            namespace,
            namespaceCreated,
            description: input.description,
            ...(input.deletePolicy && { deletePolicy: input.deletePolicy }),
            ...(input.networkIsolation !== undefined && { networkIsolation: input.networkIsolation }),
            ...quota,
            ...limitColumns(input.limits),
          })
          .$returningId(),
        `Project '${project}' already has an environment named '${input.name}'.`,
      );
      createdId = id;
      const created = await loadEnvironment(tx, {
        ...ctx,
        scope: { ...ctx.scope, environment: { id, name: input.name, type: input.type } },
      });
      const dto = environmentDtoFor(ctx, created);
      await writeAudit(tx, ctx, {
        action: "environments.create",
        tenantId,
        target: `tenant/${tenant}/project/${project}/environment/${input.name}`,
        after: dto,
      });
      return dto;
    });
    emitChange({ type: "environment", id: createdId });
    return dto;
  },
);
