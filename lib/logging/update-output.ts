import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { submitItem } from "./objects";
import { outputSource } from "./output-source";
import type { OutputBody } from "./schemas";
import { environmentLoggingTarget } from "./target";

export const updateOutput = verb(
  "logging.outputs.update",
  "logging.write",
  async ({ ctx, input }: VerbArgs<{ name: string; body: OutputBody }, EnvironmentCtx>) => {
    const t = await environmentLoggingTarget(ctx);
    const { source, secret } = await outputSource(ctx, t, input.body, "Output");
    return submitItem(ctx, t, {
      kind: "Output",
      mode: "update",
      name: input.name,
      resourceVersion: input.body.resourceVersion,
      source,
      secret,
      action: "logging.outputs.update",
    });
  },
);
