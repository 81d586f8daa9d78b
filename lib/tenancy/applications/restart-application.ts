import "server-only";
import { PatchStrategy } from "@kubernetes/client-node";
import { writeAudit } from "@/lib/audit/write-audit";
import { onCluster } from "@/lib/clusters/upstream-error";
import { getDb } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { applicationTarget, loadApplication } from "./load";
import { environmentTarget } from "@/lib/workloads/env-client";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** A rolling restart, the way `kubectl rollout restart` does it. */
export const restartApplication = verb(
  "applications.restart",
  "applications.update",
  async ({ ctx, input }: VerbArgs<{ name: string }, EnvironmentCtx>) => {
    await loadApplication(getDb(), ctx, input.name);
    const { client, namespace, cluster } = await environmentTarget(ctx);
    const at = new Date().toISOString();
    await onCluster(cluster, () =>
      client.objects.patch(
        {
          apiVersion: "apps/v1",
          kind: "Deployment",
          metadata: { name: input.name, namespace },
          spec: { template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": at } } } },
        } as never,
        undefined,
        undefined,
        "facet",
        undefined,
        PatchStrategy.MergePatch,
      ),
    );
    await inTransaction((tx) =>
      writeAudit(tx, ctx, {
        action: "applications.restart",
        tenantId: ctx.scope.tenant.id,
        target: applicationTarget(ctx, input.name),
        after: { restartedAt: at },
      }),
    );
    return { restartedAt: at };
  },
);
