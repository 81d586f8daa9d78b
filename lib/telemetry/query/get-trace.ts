import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { traceDetail } from "./trace-detail";
import type { ScopedCtx } from "@/lib/core/scoped-context";
import type { TraceScope } from "./trace-scope";

export const getTrace = verb(
  "telemetry.traces.get",
  "telemetry.read",
  async ({ ctx, input }: VerbArgs<{ traceId: string }, ScopedCtx<TraceScope>>) =>
    traceDetail(ctx.scope.traceAccess, input.traceId),
);
