import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { deleteItem } from "./objects";
import { clusterLoggingTarget } from "./target";

export const deleteClusterFlow = verb(
  "logging.cluster-flows.delete",
  "logging.cluster.write",
  async ({ ctx, input }: VerbArgs<{ cluster: string; name: string }>) =>
    deleteItem(
      ctx,
      await clusterLoggingTarget(ctx, input.cluster),
      "ClusterFlow",
      input.name,
      "logging.cluster-flows.delete",
    ),
);
