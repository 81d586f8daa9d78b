import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { listItems } from "./objects";
import type { OutputItem, OutputList } from "./schemas";
import { environmentLoggingTarget } from "./target";

export const listOutputs = verb(
  "logging.outputs.list",
  "logging.read",
  async ({ ctx }: VerbArgs<undefined, EnvironmentCtx>): Promise<OutputList> => {
    const { operator, items } = await listItems(ctx, await environmentLoggingTarget(ctx), "Output");
    return { operator, items: items as OutputItem[] };
  },
);
