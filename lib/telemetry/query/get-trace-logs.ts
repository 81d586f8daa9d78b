import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { traceLogs } from "./trace-detail";

export const getTraceLogs = verb(
  "telemetry.traces.logs",
  "telemetry.read",
  ({ ctx, input }: VerbArgs<{ traceId: string; spanId?: string; limit: number }>) =>
    traceLogs(ctx.actor, input.traceId, input.spanId, input.limit),
);
