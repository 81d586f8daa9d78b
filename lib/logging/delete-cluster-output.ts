import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { deleteItem } from "./objects";
import { clusterLoggingTarget } from "./target";

export const deleteClusterOutput = verb(
  "logging.cluster-outputs.delete",
  "logging.cluster.write",
  async ({ ctx, input }: VerbArgs<{ cluster: string; name: string }>) =>
    deleteItem(
      ctx,
      await clusterLoggingTarget(ctx, input.cluster),
      "ClusterOutput",
      input.name,
      "logging.cluster-outputs.delete",
    ),
);
