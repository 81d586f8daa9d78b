import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { TraceSearchQuery } from "../schemas";
import { traces } from "./signal-search";

export const searchTraces = verb(
  "telemetry.traces.search",
  "telemetry.read",
  ({ ctx, input }: VerbArgs<TraceSearchQuery>) => traces(ctx, input, false),
);
