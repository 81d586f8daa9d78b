import "server-only";
import { PatchStrategy } from "@kubernetes/client-node";
import { and, eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { onCluster } from "@/lib/clusters/upstream-error";
import { inTransaction } from "@/lib/db/transaction";
import { applications } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { applicationDtoFor, applicationTarget, loadApplication } from "./load";
import { environmentTarget } from "@/lib/workloads/env-client";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** Records the new replica count (the reconciler keeps it) and scales the Deployment now. */
export const scaleApplication = verb(
  "applications.scale",
  "applications.update",
  async ({ ctx, input }: VerbArgs<{ name: string; replicas: number }, EnvironmentCtx>) => {
    const dto = await inTransaction(async (tx) => {
      const before = await loadApplication(tx, ctx, input.name, true);
      await tx
        .update(applications)
        .set({ replicas: input.replicas, version: sql`${applications.version} + 1` })
        .where(and(eq(applications.id, before.id), eq(applications.tenantId, ctx.scope.tenant.id)));
      await writeAudit(tx, ctx, {
        action: "applications.scale",
        tenantId: ctx.scope.tenant.id,
        target: applicationTarget(ctx, input.name),
        before: { replicas: before.replicas },
        after: { replicas: input.replicas },
      });
      return applicationDtoFor(ctx, await loadApplication(tx, ctx, input.name));
    });
    const { client, namespace, cluster } = await environmentTarget(ctx);
    await onCluster(cluster, () =>
      client.objects.patch(
        {
          apiVersion: "apps/v1",
          kind: "Deployment",
          metadata: { name: input.name, namespace },
          spec: { replicas: input.replicas },
        } as never,
        undefined,
        undefined,
        "facet",
        undefined,
        PatchStrategy.MergePatch,
      ),
    );
    return dto;
  },
);
