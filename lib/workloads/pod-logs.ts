import "server-only";
import { onCluster } from "@/lib/clusters/upstream-error";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { environmentTarget } from "./env-client";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { LOG_SINCE, type LogSince } from "./schemas";

export interface PodLogsInput {
  pod: string;
  tail: number;
  container?: string;
  since?: LogSince;
  timestamps?: boolean;
}

/** The last lines of a pod's log; only pods of the environment's own namespace can be named. */
export const podLogs = verb(
  "workloads.logs",
  "workloads.read",
  async ({ ctx, input }: VerbArgs<PodLogsInput, EnvironmentCtx>) => {
    const { client, namespace, cluster } = await environmentTarget(ctx);
    return onCluster(cluster, () =>
      client.core.readNamespacedPodLog({
        name: input.pod,
        namespace,
        tailLines: input.tail,
        container: input.container,
        sinceSeconds: LOG_SINCE[input.since ?? "all"] ?? undefined,
        timestamps: input.timestamps ?? false,
      }),
    );
  },
);
