import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { traceDetail, traceNamespaces } from "./trace-detail";
import { traceAccess } from "./trace-scope";

export const getTrace = verb("telemetry.traces.get", "telemetry.read", async ({ ctx, input }: VerbArgs<{ traceId: string }>) =>
  traceDetail(traceAccess.get(ctx) ?? (await traceNamespaces(ctx.actor, input.traceId)), input.traceId),
);
