import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { and, eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { environments } from "@/lib/db/schema";
import { emitChange } from "@/lib/events";
import { authorize } from "@/lib/core/authorize";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { AMOUNT_KEY, parseBytes, parseCount, parseCpu, QUOTA_RESOURCES, type QuotaAmounts } from "../quantity";
import { assertVersion, uniqueOrConflict } from "@/lib/db/rows";
import type { UpdateEnvironmentInput } from "../schemas";
import { scopeIds } from "../scope";
import { limitColumns } from "./limits";
import { environmentDtoFor, loadEnvironment } from "./load";
import { assertFitsTenantQuota } from "./quota-check";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

const PARSE = { cpu: parseCpu, memory: parseBytes, storage: parseBytes, pods: parseCount } as const;

/** Writers of the environment change its description, quota and defaults; renaming it or
 *  changing its type decides who may write it, so that stays with project admins. */
export const updateEnvironment = verb(
  "environments.update",
  "environments.update",
  async ({ ctx, input }: VerbArgs<{ changes: UpdateEnvironmentInput; expectedVersion?: number }, EnvironmentCtx>) => {
    const { changes } = input;
    if (changes.name !== undefined || changes.type !== undefined) authorize(ctx, "environments.create");
    const dto = await inTransaction(async (tx) => {
      const { tenantId } = scopeIds(ctx);
      const before = await loadEnvironment(tx, ctx, true);
      assertVersion(before.env, input.expectedVersion);

      const quota: QuotaAmounts = {
        cpuMilli: before.env.cpuMilli,
        memoryBytes: before.env.memoryBytes,
        storageBytes: before.env.storageBytes,
        pods: before.env.pods,
      };
      for (const r of QUOTA_RESOURCES) {
        const given = changes.quota?.[r];
        if (given !== undefined) quota[AMOUNT_KEY[r]] = PARSE[r](given)!;
      }
      if (changes.quota) {
        await assertFitsTenantQuota(
          tx,
          { tenant: ctx.scope.tenant.name, cluster: before.cluster },
          { tenantId, clusterId: before.env.clusterId, exceptEnvironmentId: before.env.id },
          quota,
        );
      }
      const where = and(eq(environments.id, before.env.id), eq(environments.tenantId, tenantId));
      await uniqueOrConflict(
        tx
          .update(environments)
          .set({
            ...(changes.name !== undefined && { name: changes.name }),
            ...(changes.type !== undefined && { type: changes.type }),
            ...(changes.description !== undefined && { description: changes.description }),
            ...(changes.deletePolicy !== undefined && { deletePolicy: changes.deletePolicy }),
            ...(changes.networkIsolation !== undefined && { networkIsolation: changes.networkIsolation }),
            ...quota,
            ...limitColumns(changes.limits),
            version: sql`${environments.version} + 1`,
          })
          .where(where),
        `Project '${ctx.scope.project.name}' already has an environment named '${changes.name}'.`,
      );
      const after = await loadEnvironment(tx, ctx);
      const dto = environmentDtoFor(ctx, after);
      await writeAudit(tx, ctx, {
        action: "environments.update",
        tenantId,
        target: `tenant/${ctx.scope.tenant.name}/project/${ctx.scope.project.name}/environment/${before.env.name}`,
        before: environmentDtoFor(ctx, before),
        after: dto,
      });
      return dto;
    });
    emitChange({ type: "environment", id: ctx.scope.environment.id });
    return dto;
  },
);
