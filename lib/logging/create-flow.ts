import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { flowFromForm } from "./forms";
import { submitItem } from "./objects";
import type { FlowBody } from "./schemas";
import type { Source } from "./submit";
import { environmentLoggingTarget } from "./target";

export const flowSource = (body: FlowBody, namespace: string): Source =>
  "yaml" in body ? { yaml: body.yaml } : { object: flowFromForm(body, namespace) };

/** A Flow from raw YAML or the application form, through the whole submit pipeline. */
export const createFlow = verb(
  "logging.flows.create",
  "logging.write",
  async ({ ctx, input }: VerbArgs<FlowBody, EnvironmentCtx>) => {
    const t = await environmentLoggingTarget(ctx);
    return submitItem(ctx, t, {
      kind: "Flow",
      mode: "create",
      source: flowSource(input, t.namespace),
      action: "logging.flows.create",
    });
  },
);
