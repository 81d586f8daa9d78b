import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { submitItem } from "./objects";
import { outputSource } from "./output-source";
import type { OutputBody } from "./schemas";
import { environmentLoggingTarget } from "./target";

/** An Output from YAML or a form; a form's secrets go to a Secret and are never echoed. */
export const createOutput = verb(
  "logging.outputs.create",
  "logging.write",
  async ({ ctx, input }: VerbArgs<OutputBody, EnvironmentCtx>) => {
    const t = await environmentLoggingTarget(ctx);
    const { source, secret } = await outputSource(ctx, t, input, "Output");
    return submitItem(ctx, t, { kind: "Output", mode: "create", source, secret, action: "logging.outputs.create" });
  },
);
