import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { getItem } from "./objects";
import type { FlowItem } from "./schemas";
import { clusterLoggingTarget } from "./target";

export const getClusterFlow = verb(
  "logging.cluster-flows.get",
  "logging.cluster.read",
  async ({ ctx, input }: VerbArgs<{ cluster: string; name: string }>) =>
    (await getItem(ctx, await clusterLoggingTarget(ctx, input.cluster), "ClusterFlow", input.name)) as FlowItem,
);
