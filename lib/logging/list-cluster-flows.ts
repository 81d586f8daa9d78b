import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { listItems } from "./objects";
import type { FlowItem, OperatorInfo } from "./schemas";
import { clusterLoggingTarget } from "./target";

/** The cluster's ClusterFlows in the control namespace (sysadmins). */
export const listClusterFlows = verb(
  "logging.cluster-flows.list",
  "logging.cluster.read",
  async ({ ctx, input }: VerbArgs<{ cluster: string }>): Promise<{ operator: OperatorInfo; items: FlowItem[] }> => {
    const { operator, items } = await listItems(ctx, await clusterLoggingTarget(ctx, input.cluster), "ClusterFlow");
    return { operator, items: items as FlowItem[] };
  },
);
