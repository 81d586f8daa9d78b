import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { validateItem } from "./objects";
import type { YamlBody } from "./schemas";
import { environmentLoggingTarget } from "./target";

/** The whole submit pipeline, dry run included, for a Flow or Output; applies nothing. A write
 *  permission, because the dry run asks the cluster on the caller's behalf. */
export const validateLoggingObject = verb(
  "logging.validate",
  "logging.write",
  async ({ ctx, input }: VerbArgs<YamlBody, EnvironmentCtx>) => ({
    valid: true as const,
    diff: await validateItem(await environmentLoggingTarget(ctx), input.yaml, input.resourceVersion),
  }),
);
