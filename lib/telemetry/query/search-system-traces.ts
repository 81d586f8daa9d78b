import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { TraceSearchQuery } from "../schemas";
import { traces } from "./signal-search";

export const searchSystemTraces = verb(
  "telemetry.system.traces.search",
  "telemetry.system.read",
  ({ ctx, input }: VerbArgs<TraceSearchQuery>) => traces(ctx, input, true),
);
