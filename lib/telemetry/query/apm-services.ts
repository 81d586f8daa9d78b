import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { ApmQuery } from "../schemas";
import { apmTable } from "./apm";
import { environmentTarget } from "./target";

export const apmServices = verb(
  "telemetry.apm.services",
  "telemetry.read",
  async ({ ctx, input }: VerbArgs<ApmQuery>) => apmTable(await environmentTarget(ctx), input),
);
