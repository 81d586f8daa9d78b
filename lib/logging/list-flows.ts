import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { COLLECT_ALL_FLOW } from "./constants";
import { listItems } from "./objects";
import type { FlowItem, FlowList } from "./schemas";
import { environmentLoggingTarget } from "./target";

/** The environment's Flows, live from its cluster, and whether the operator is there at all. */
export const listFlows = verb(
  "logging.flows.list",
  "logging.read",
  async ({ ctx }: VerbArgs<undefined, EnvironmentCtx>): Promise<FlowList> => {
    const { operator, items } = await listItems(ctx, await environmentLoggingTarget(ctx), "Flow");
    return { operator, collectAll: items.some((i) => i.name === COLLECT_ALL_FLOW), items: items as FlowItem[] };
  },
);
