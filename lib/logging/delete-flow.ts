import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { deleteItem } from "./objects";
import { environmentLoggingTarget } from "./target";

export const deleteFlow = verb(
  "logging.flows.delete",
  "logging.write",
  async ({ ctx, input }: VerbArgs<{ name: string }, EnvironmentCtx>) =>
    deleteItem(ctx, await environmentLoggingTarget(ctx), "Flow", input.name, "logging.flows.delete"),
);
