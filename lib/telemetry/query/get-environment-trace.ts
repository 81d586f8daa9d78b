import "server-only";
import { notFound } from "@/lib/errors";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { backendFor } from "../backends/backend-for";
import { traceFromJaeger } from "../backends/jaeger";
import { environmentTarget } from "./target";
import { traceDetail, traceNamespaces } from "./trace-detail";

/** A trace from an environment's page: its Jaeger when the cluster has one, else the store. */
export const getEnvironmentTrace = verb(
  "telemetry.environmentTraces.get",
  "telemetry.read",
  async ({ ctx, input }: VerbArgs<{ traceId: string }>) => {
    const target = await environmentTarget(ctx);
    const jaeger = await backendFor(target.clusterId, "jaeger");
    if (jaeger) return traceFromJaeger(jaeger, target, input.traceId);
    const detail = await traceDetail(await traceNamespaces(ctx.actor, input.traceId), input.traceId);
    if (!detail.spans.length) throw notFound("trace");
    return detail;
  },
);
