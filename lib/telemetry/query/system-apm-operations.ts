import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { ApmQuery } from "../schemas";
import { apmTable } from "./apm";
import { systemTarget } from "./target";

export const systemApmOperations = verb(
  "telemetry.system.apm.operations",
  "telemetry.system.read",
  async ({ input }: VerbArgs<ApmQuery & { service: string }>) => apmTable(await systemTarget(), input, input.service),
);
