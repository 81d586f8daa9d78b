import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { NodeParams } from "./schemas";
import { setNodeSchedulable } from "./set-node-schedulable";

/** Lets the scheduler place pods on a cordoned node again. */
export const uncordonNode = verb(
  "clusters.nodes.uncordon",
  "clusters.nodes.update",
  async ({ ctx, input }: VerbArgs<NodeParams>) => setNodeSchedulable(ctx, input, "clusters.nodes.uncordon"),
);
