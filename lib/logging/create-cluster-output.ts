import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { submitItem } from "./objects";
import { outputSource } from "./output-source";
import type { OutputBody } from "./schemas";
import { clusterLoggingTarget } from "./target";

export const createClusterOutput = verb(
  "logging.cluster-outputs.create",
  "logging.cluster.write",
  async ({ ctx, input }: VerbArgs<{ cluster: string; body: OutputBody }>) => {
    const t = await clusterLoggingTarget(ctx, input.cluster);
    const { source, secret } = await outputSource(ctx, t, input.body, "ClusterOutput");
    return submitItem(ctx, t, {
      kind: "ClusterOutput",
      mode: "create",
      source,
      secret,
      action: "logging.cluster-outputs.create",
    });
  },
);
