import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { NodeParams } from "./schemas";
import { setNodeSchedulable } from "./set-node-schedulable";

/** Marks a node unschedulable: running pods stay, new ones go elsewhere. */
export const cordonNode = verb(
  "clusters.nodes.cordon",
  "clusters.nodes.update",
  async ({ ctx, input }: VerbArgs<NodeParams>) => setNodeSchedulable(ctx, input, "clusters.nodes.cordon"),
);
