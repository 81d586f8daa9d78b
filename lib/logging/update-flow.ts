import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { flowSource } from "./create-flow";
import { submitItem } from "./objects";
import type { FlowBody } from "./schemas";
import { environmentLoggingTarget } from "./target";

/** Replaces a Flow; a resourceVersion other than the live one is a 409 with the new diff. */
export const updateFlow = verb(
  "logging.flows.update",
  "logging.write",
  async ({ ctx, input }: VerbArgs<{ name: string; body: FlowBody }, EnvironmentCtx>) => {
    const t = await environmentLoggingTarget(ctx);
    return submitItem(ctx, t, {
      kind: "Flow",
      mode: "update",
      name: input.name,
      resourceVersion: input.body.resourceVersion,
      source: flowSource(input.body, t.namespace),
      action: "logging.flows.update",
    });
  },
);
