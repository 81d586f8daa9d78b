import "server-only";
import { ClusterParams } from "@/lib/clusters/schemas";
import { operation } from "@/lib/core/operation";
import { environmentScope } from "@/lib/tenancy/scope";
import { EnvironmentParams } from "@/lib/tenancy/schemas";
import { cordonNode } from "./cordon-node";
import { getEnvironmentUsage } from "./get-environment-usage";
import { listNodes } from "./list-nodes";
import { NodeParams } from "./schemas";
import { uncordonNode } from "./uncordon-node";

export const usageOps = {
  getEnvironmentUsage: operation({
    params: EnvironmentParams,
    scope: environmentScope,
    verb: getEnvironmentUsage,
    handler: ({ ctx }) => getEnvironmentUsage({ ctx, input: undefined }),
  }),
  listNodes: operation({
    params: ClusterParams,
    verb: listNodes,
    handler: ({ ctx, input }) => listNodes({ ctx, input: input.params }),
  }),
  cordonNode: operation({
    params: NodeParams,
    verb: cordonNode,
    handler: ({ ctx, input }) => cordonNode({ ctx, input: input.params }),
  }),
  uncordonNode: operation({
    params: NodeParams,
    verb: uncordonNode,
    handler: ({ ctx, input }) => uncordonNode({ ctx, input: input.params }),
  }),
};
