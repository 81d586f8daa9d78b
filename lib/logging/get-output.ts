import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getItem } from "./objects";
import type { OutputItem } from "./schemas";
import { environmentLoggingTarget } from "./target";

export const getOutput = verb(
  "logging.outputs.get",
  "logging.read",
  async ({ ctx, input }: VerbArgs<{ name: string }, EnvironmentCtx>) =>
    (await getItem(ctx, await environmentLoggingTarget(ctx), "Output", input.name)) as OutputItem,
);
