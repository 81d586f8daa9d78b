import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { ApmQuery } from "../schemas";
import { apmTable } from "./apm";
import { environmentTarget } from "./target";

export const apmOperations = verb(
  "telemetry.apm.operations",
  "telemetry.read",
  async ({ ctx, input }: VerbArgs<ApmQuery & { service: string }>) =>
    apmTable(await environmentTarget(ctx), input, input.service),
);
