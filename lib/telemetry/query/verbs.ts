import "server-only";
import { notFound } from "@/lib/errors";
import type { AuthedContext } from "@/lib/core/context";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { Scope } from "@/lib/rbac";
import { backendFor } from "../backends/config";
import { searchJaeger, traceFromJaeger } from "../backends/jaeger";
import { searchLoki } from "../backends/loki";
import { prometheusLabels, prometheusNames, queryPrometheus } from "../backends/prometheus";
import type { ApmQuery, LogSearchQuery, MetricQuery, TraceSearchQuery } from "../schemas";
import { apmTable } from "./apm";
import { metricLabelsEmbedded, metricNamesEmbedded, queryMetricsEmbedded } from "./embedded-metrics";
import { searchLogsEmbedded } from "./embedded-logs";
import { searchTracesEmbedded } from "./embedded-traces";
import { environmentTarget, systemTarget, type Target } from "./target";
import { traceDetail, traceLogs, traceNamespaces } from "./trace-detail";
import { scopeForRead, type NamespaceInfo } from "./visibility";

// The telemetry reads. Environment verbs run in environmentScope (telemetry.read there) and
// use the cluster's external backend for the signal when one is configured; system verbs
// read Facet's own namespace (telemetry.system.read).

const where = (ctx: AuthedContext, system: boolean): Promise<Target> => (system ? systemTarget() : environmentTarget(ctx));

async function traces(ctx: AuthedContext, q: TraceSearchQuery, system: boolean) {
  const target = await where(ctx, system);
  const jaeger = system ? null : await backendFor(target.clusterId, "jaeger");
  return jaeger ? searchJaeger(jaeger, target, q) : searchTracesEmbedded(target, q);
}
export const searchTraces = verb("telemetry.traces.search", "telemetry.read", ({ ctx, input }: VerbArgs<TraceSearchQuery>) => traces(ctx, input, false));
export const searchSystemTraces = verb("telemetry.system.traces.search", "telemetry.system.read", ({ ctx, input }: VerbArgs<TraceSearchQuery>) => traces(ctx, input, true));

async function logs(ctx: AuthedContext, q: LogSearchQuery, system: boolean) {
  const target = await where(ctx, system);
  const loki = system ? null : await backendFor(target.clusterId, "loki");
  return loki ? searchLoki(loki, target, q) : searchLogsEmbedded(target, q);
}
export const searchLogs = verb("telemetry.logs.search", "telemetry.read", ({ ctx, input }: VerbArgs<LogSearchQuery>) => logs(ctx, input, false));
export const searchSystemLogs = verb("telemetry.system.logs.search", "telemetry.system.read", ({ ctx, input }: VerbArgs<LogSearchQuery>) => logs(ctx, input, true));

export const queryMetrics = verb("telemetry.metrics.query", "telemetry.read", async ({ ctx, input }: VerbArgs<MetricQuery>) => {
  const target = await environmentTarget(ctx);
  const prom = await backendFor(target.clusterId, "prometheus");
  return prom ? queryPrometheus(prom, target, input) : queryMetricsEmbedded(target, input);
});

export const listMetricNames = verb("telemetry.metrics.names", "telemetry.read", async ({ ctx }: VerbArgs<undefined>) => {
  const target = await environmentTarget(ctx);
  const prom = await backendFor(target.clusterId, "prometheus");
  return prom ? prometheusNames(prom, target) : metricNamesEmbedded(target);
});

export const listMetricLabels = verb("telemetry.metrics.labels", "telemetry.read", async ({ ctx, input }: VerbArgs<{ metric: string }>) => {
  const target = await environmentTarget(ctx);
  const prom = await backendFor(target.clusterId, "prometheus");
  return prom ? prometheusLabels(prom, target, input.metric) : metricLabelsEmbedded(target, input.metric);
});

export const apmServices = verb("telemetry.apm.services", "telemetry.read", async ({ ctx, input }: VerbArgs<ApmQuery>) => apmTable(await environmentTarget(ctx), input));
export const apmOperations = verb("telemetry.apm.operations", "telemetry.read", async ({ ctx, input }: VerbArgs<ApmQuery & { service: string }>) =>
  apmTable(await environmentTarget(ctx), input, input.service),
);
export const systemApmServices = verb("telemetry.system.apm.services", "telemetry.system.read", async ({ input }: VerbArgs<ApmQuery>) => apmTable(await systemTarget(), input));
export const systemApmOperations = verb("telemetry.system.apm.operations", "telemetry.system.read", async ({ input }: VerbArgs<ApmQuery & { service: string }>) =>
  apmTable(await systemTarget(), input, input.service),
);

// A trace by id crosses namespaces: the scope is one the actor may read, and the answer holds
// only readable spans plus the count of the others in the actor's tenants. A trace with
// nothing readable is "not found", whoever else's it is.
const traceAccess = new WeakMap<AuthedContext, Map<number, NamespaceInfo>>();

export async function traceScope(ctx: AuthedContext, params: { traceId: string }): Promise<Scope> {
  const access = await traceNamespaces(ctx.actor, params.traceId);
  traceAccess.set(ctx, access);
  const scope = scopeForRead(access);
  if (scope) return scope;
  throw notFound("trace");
}

export const getTrace = verb("telemetry.traces.get", "telemetry.read", async ({ ctx, input }: VerbArgs<{ traceId: string }>) =>
  traceDetail(traceAccess.get(ctx) ?? (await traceNamespaces(ctx.actor, input.traceId)), input.traceId),
);

export const getTraceLogs = verb("telemetry.traces.logs", "telemetry.read", ({ ctx, input }: VerbArgs<{ traceId: string; spanId?: string; limit: number }>) =>
  traceLogs(ctx.actor, input.traceId, input.spanId, input.limit),
);

/** A trace from an environment's page: its Jaeger when the cluster has one, else the store. */
export const getEnvironmentTrace = verb("telemetry.environmentTraces.get", "telemetry.read", async ({ ctx, input }: VerbArgs<{ traceId: string }>) => {
  const target = await environmentTarget(ctx);
  const jaeger = await backendFor(target.clusterId, "jaeger");
  if (jaeger) return traceFromJaeger(jaeger, target, input.traceId);
  const detail = await traceDetail(await traceNamespaces(ctx.actor, input.traceId), input.traceId);
  if (!detail.spans.length) throw notFound("trace");
  return detail;
});
