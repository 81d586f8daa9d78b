import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { submitItem } from "./objects";
import type { YamlBody } from "./schemas";
import { clusterLoggingTarget } from "./target";

export const updateClusterFlow = verb(
  "logging.cluster-flows.update",
  "logging.cluster.write",
  async ({ ctx, input }: VerbArgs<{ cluster: string; name: string; body: YamlBody }>) =>
    submitItem(ctx, await clusterLoggingTarget(ctx, input.cluster), {
      kind: "ClusterFlow",
      mode: "update",
      name: input.name,
      resourceVersion: input.body.resourceVersion,
      source: { yaml: input.body.yaml },
      action: "logging.cluster-flows.update",
    }),
);
