import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { deleteItem } from "./objects";
import { environmentLoggingTarget } from "./target";

/** Deletes an Output and the Secret Facet made for it. */
export const deleteOutput = verb(
  "logging.outputs.delete",
  "logging.write",
  async ({ ctx, input }: VerbArgs<{ name: string }, EnvironmentCtx>) =>
    deleteItem(ctx, await environmentLoggingTarget(ctx), "Output", input.name, "logging.outputs.delete"),
);
