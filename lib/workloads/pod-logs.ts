import "server-only";
import { onCluster } from "@/lib/clusters/upstream-error";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { environmentTarget } from "./env-client";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** The last lines of a pod's log; only pods of the environment's own namespace can be named. */
export const podLogs = verb(
  "workloads.logs",
  "workloads.read",
  async ({ ctx, input }: VerbArgs<{ pod: string; tail: number; container?: string }, EnvironmentCtx>) => {
    const { client, namespace, cluster } = await environmentTarget(ctx);
    return onCluster(cluster, () =>
      client.core.readNamespacedPodLog({
        name: input.pod,
        namespace,
        tailLines: input.tail,
        container: input.container,
      }),
    );
  },
);
