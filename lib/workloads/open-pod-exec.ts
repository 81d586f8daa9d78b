import "server-only";
import type { KubeConfig } from "@kubernetes/client-node";
import { writeAudit } from "@/lib/audit/write-audit";
import { onCluster } from "@/lib/clusters/upstream-error";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { environmentTarget } from "./env-client";

export interface PodExecTarget {
  kc: KubeConfig;
  namespace: string;
  pod: string;
  container: string;
  command: string[];
}

/**
 * Checks that the pod and container exist in the environment's namespace and records who
 * opened a shell where (the audit row precedes the session: no unaudited shell), then says
 * where the cluster's exec endpoint is. The caller relays the WebSocket.
 */
export const openPodExec = verb(
  "workloads.exec",
  "workloads.exec",
  async ({ ctx, input }: VerbArgs<{ pod: string; container?: string; command: string[] }, EnvironmentCtx>) => {
    const { client, namespace, cluster } = await environmentTarget(ctx);
    const pod = await onCluster(cluster, () => client.core.readNamespacedPod({ name: input.pod, namespace }));
    const names = pod.spec?.containers.map((c) => c.name) ?? [];
    const container = input.container ?? names[0];
    if (!container || !names.includes(container))
      throw new AppError("VALIDATION", `Pod '${input.pod}' has no container '${input.container}'.`, {
        errors: [{ path: "query.container", message: `Choose one of: ${names.join(", ")}.` }],
      });
    if (pod.status?.phase !== "Running")
      throw new AppError(
        "PRECONDITION_FAILED",
        `Pod '${input.pod}' is not running (${pod.status?.phase ?? "Unknown"}).`,
      );
    await writeAudit(getDb(), ctx, {
      action: "workloads.exec",
      tenantId: ctx.scope.tenant.id,
      target: `cluster/${cluster}/namespace/${namespace}/pods/${input.pod}`,
      after: { container, command: input.command },
    });
    return { kc: client.kc, namespace, pod: input.pod, container, command: input.command } satisfies PodExecTarget;
  },
);
