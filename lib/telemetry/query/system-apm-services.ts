import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { ApmQuery } from "../schemas";
import { apmTable } from "./apm";
import { systemTarget } from "./target";

export const systemApmServices = verb(
  "telemetry.system.apm.services",
  "telemetry.system.read",
  async ({ input }: VerbArgs<ApmQuery>) => apmTable(await systemTarget(), input),
);
