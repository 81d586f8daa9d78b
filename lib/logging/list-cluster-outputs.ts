import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { listItems } from "./objects";
import type { OutputItem, OperatorInfo } from "./schemas";
import { clusterLoggingTarget } from "./target";

/** The cluster's ClusterOutputs in the control namespace (sysadmins). */
export const listClusterOutputs = verb(
  "logging.cluster-outputs.list",
  "logging.cluster.read",
  async ({ ctx, input }: VerbArgs<{ cluster: string }>): Promise<{ operator: OperatorInfo; items: OutputItem[] }> => {
    const { operator, items } = await listItems(ctx, await clusterLoggingTarget(ctx, input.cluster), "ClusterOutput");
    return { operator, items: items as OutputItem[] };
  },
);
