import "server-only";
import { ClusterParams } from "@/lib/clusters/schemas";
import { operation } from "@/lib/core/operation";
import { EnvironmentParams } from "@/lib/tenancy/schemas";
import { environmentScope } from "@/lib/tenancy/scope";
import { getTelemetryBackends, setTelemetryBackends } from "./backends/config";
import * as v from "./query/verbs";
import * as s from "./schemas";
import * as tokens from "./tokens/ingest-tokens";

// Every telemetry operation of /api/v1, served by route files and the console's server actions.
const E = { params: EnvironmentParams, scope: environmentScope };
const TraceParams = s.TraceIdParams;
const TraceLogsQuery = s.LogSearchQuery.pick({ spanId: true, limit: true });

export const telemetryOps = {
  listClusterIngestTokens: operation({ verb: tokens.listClusterIngestTokens, params: ClusterParams, handler: ({ ctx, input }) => tokens.listClusterIngestTokens({ ctx, input: input.params }) }),
  createClusterIngestToken: operation({
    verb: tokens.createClusterIngestToken,
    params: ClusterParams,
    body: s.CreateIngestTokenInput,
    status: 201,
    handler: ({ ctx, input }) => tokens.createClusterIngestToken({ ctx, input: { ...input.body, cluster: input.params.cluster } }),
  }),
  revokeClusterIngestToken: operation({
    verb: tokens.revokeClusterIngestToken,
    params: ClusterParams.extend(s.IngestTokenParams.shape),
    handler: ({ ctx, input }) => tokens.revokeClusterIngestToken({ ctx, input: input.params }),
  }),
  listIngestTokens: operation({ ...E, verb: tokens.listEnvironmentIngestTokens, handler: ({ ctx }) => tokens.listEnvironmentIngestTokens({ ctx, input: undefined }) }),
  createIngestToken: operation({ ...E, verb: tokens.createEnvironmentIngestToken, body: s.CreateIngestTokenInput, status: 201, handler: ({ ctx, input }) => tokens.createEnvironmentIngestToken({ ctx, input: input.body }) }),
  revokeIngestToken: operation({
    ...E,
    params: EnvironmentParams.extend(s.IngestTokenParams.shape),
    verb: tokens.revokeEnvironmentIngestToken,
    handler: ({ ctx, input }) => tokens.revokeEnvironmentIngestToken({ ctx, input: { id: input.params.id } }),
  }),

  searchTraces: operation({ ...E, verb: v.searchTraces, query: s.TraceSearchQuery, handler: ({ ctx, input }) => v.searchTraces({ ctx, input: input.query }) }),
  getEnvironmentTrace: operation({
    ...E,
    params: EnvironmentParams.extend(TraceParams.shape),
    verb: v.getEnvironmentTrace,
    handler: ({ ctx, input }) => v.getEnvironmentTrace({ ctx, input: { traceId: input.params.traceId } }),
  }),
  getTrace: operation({ verb: v.getTrace, params: TraceParams, scope: v.traceScope, handler: ({ ctx, input }) => v.getTrace({ ctx, input: input.params }) }),
  getTraceLogs: operation({
    verb: v.getTraceLogs,
    params: TraceParams,
    query: TraceLogsQuery,
    scope: v.traceScope,
    handler: ({ ctx, input }) => v.getTraceLogs({ ctx, input: { traceId: input.params.traceId, spanId: input.query.spanId, limit: input.query.limit } }),
  }),
  searchLogs: operation({ ...E, verb: v.searchLogs, query: s.LogSearchQuery, handler: ({ ctx, input }) => v.searchLogs({ ctx, input: input.query }) }),
  queryMetrics: operation({ ...E, verb: v.queryMetrics, query: s.MetricQuery, handler: ({ ctx, input }) => v.queryMetrics({ ctx, input: input.query }) }),
  listMetricNames: operation({ ...E, verb: v.listMetricNames, handler: ({ ctx }) => v.listMetricNames({ ctx, input: undefined }) }),
  listMetricLabels: operation({ ...E, verb: v.listMetricLabels, query: s.MetricLabelsQuery, handler: ({ ctx, input }) => v.listMetricLabels({ ctx, input: input.query }) }),
  apmServices: operation({ ...E, verb: v.apmServices, query: s.ApmQuery, handler: ({ ctx, input }) => v.apmServices({ ctx, input: input.query }) }),
  apmOperations: operation({
    ...E,
    params: EnvironmentParams.extend(s.ApmServiceParams.shape),
    verb: v.apmOperations,
    query: s.ApmQuery,
    handler: ({ ctx, input }) => v.apmOperations({ ctx, input: { ...input.query, service: input.params.service } }),
  }),

  searchSystemTraces: operation({ verb: v.searchSystemTraces, query: s.TraceSearchQuery, handler: ({ ctx, input }) => v.searchSystemTraces({ ctx, input: input.query }) }),
  searchSystemLogs: operation({ verb: v.searchSystemLogs, query: s.LogSearchQuery, handler: ({ ctx, input }) => v.searchSystemLogs({ ctx, input: input.query }) }),
  systemApmServices: operation({ verb: v.systemApmServices, query: s.ApmQuery, handler: ({ ctx, input }) => v.systemApmServices({ ctx, input: input.query }) }),
  systemApmOperations: operation({
    verb: v.systemApmOperations,
    params: s.ApmServiceParams,
    query: s.ApmQuery,
    handler: ({ ctx, input }) => v.systemApmOperations({ ctx, input: { ...input.query, service: input.params.service } }),
  }),

  getTelemetryBackends: operation({ verb: getTelemetryBackends, params: ClusterParams, handler: ({ ctx, input }) => getTelemetryBackends({ ctx, input: input.params }) }),
  setTelemetryBackends: operation({
    verb: setTelemetryBackends,
    params: ClusterParams,
    body: s.TelemetryBackendsInput,
    handler: ({ ctx, input }) => setTelemetryBackends({ ctx, input: { ...input.body, cluster: input.params.cluster } }),
  }),
};
