import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { getItem } from "./objects";
import type { OutputItem } from "./schemas";
import { clusterLoggingTarget } from "./target";

export const getClusterOutput = verb(
  "logging.cluster-outputs.get",
  "logging.cluster.read",
  async ({ ctx, input }: VerbArgs<{ cluster: string; name: string }>) =>
    (await getItem(ctx, await clusterLoggingTarget(ctx, input.cluster), "ClusterOutput", input.name)) as OutputItem,
);
