import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { submitItem } from "./objects";
import type { YamlBody } from "./schemas";
import { clusterLoggingTarget } from "./target";

export const createClusterFlow = verb(
  "logging.cluster-flows.create",
  "logging.cluster.write",
  async ({ ctx, input }: VerbArgs<{ cluster: string; body: YamlBody }>) =>
    submitItem(ctx, await clusterLoggingTarget(ctx, input.cluster), {
      kind: "ClusterFlow",
      mode: "create",
      source: { yaml: input.body.yaml },
      action: "logging.cluster-flows.create",
    }),
);
