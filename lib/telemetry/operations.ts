import "server-only";
import { ClusterParams } from "@/lib/clusters/schemas";
import { operation } from "@/lib/http/operation";
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
  listClusterIngestTokens: operation({ permission: "clusters.ingest-tokens.read", params: ClusterParams, handler: ({ ctx, input }) => tokens.listClusterIngestTokens({ ctx, input: input.params }) }),
  createClusterIngestToken: operation({
    permission: "clusters.ingest-tokens.create",
    params: ClusterParams,
    body: s.CreateIngestTokenInput,
    status: 201,
    handler: ({ ctx, input }) => tokens.createClusterIngestToken({ ctx, input: { ...input.body, cluster: input.params.cluster } }),
  }),
  revokeClusterIngestToken: operation({
    permission: "clusters.ingest-tokens.create",
    params: ClusterParams.extend(s.IngestTokenParams.shape),
    handler: ({ ctx, input }) => tokens.revokeClusterIngestToken({ ctx, input: input.params }),
  }),
  listIngestTokens: operation({ ...E, permission: "ingest-tokens.read", handler: ({ ctx }) => tokens.listEnvironmentIngestTokens({ ctx, input: undefined }) }),
  createIngestToken: operation({ ...E, permission: "ingest-tokens.create", body: s.CreateIngestTokenInput, status: 201, handler: ({ ctx, input }) => tokens.createEnvironmentIngestToken({ ctx, input: input.body }) }),
  revokeIngestToken: operation({
    ...E,
    params: EnvironmentParams.extend(s.IngestTokenParams.shape),
    permission: "ingest-tokens.create",
    handler: ({ ctx, input }) => tokens.revokeEnvironmentIngestToken({ ctx, input: { id: input.params.id } }),
  }),

  searchTraces: operation({ ...E, permission: "telemetry.read", query: s.TraceSearchQuery, handler: ({ ctx, input }) => v.searchTraces({ ctx, input: input.query }) }),
  getEnvironmentTrace: operation({
    ...E,
    params: EnvironmentParams.extend(TraceParams.shape),
    permission: "telemetry.read",
    handler: ({ ctx, input }) => v.getEnvironmentTrace({ ctx, input: { traceId: input.params.traceId } }),
  }),
  getTrace: operation({ permission: "telemetry.read", params: TraceParams, scope: v.traceScope, handler: ({ ctx, input }) => v.getTrace({ ctx, input: input.params }) }),
  getTraceLogs: operation({
    permission: "telemetry.read",
    params: TraceParams,
    query: TraceLogsQuery,
    scope: v.traceScope,
    handler: ({ ctx, input }) => v.getTraceLogs({ ctx, input: { traceId: input.params.traceId, spanId: input.query.spanId, limit: input.query.limit } }),
  }),
  searchLogs: operation({ ...E, permission: "telemetry.read", query: s.LogSearchQuery, handler: ({ ctx, input }) => v.searchLogs({ ctx, input: input.query }) }),
  queryMetrics: operation({ ...E, permission: "telemetry.read", query: s.MetricQuery, handler: ({ ctx, input }) => v.queryMetrics({ ctx, input: input.query }) }),
  listMetricNames: operation({ ...E, permission: "telemetry.read", handler: ({ ctx }) => v.listMetricNames({ ctx, input: undefined }) }),
  listMetricLabels: operation({ ...E, permission: "telemetry.read", query: s.MetricLabelsQuery, handler: ({ ctx, input }) => v.listMetricLabels({ ctx, input: input.query }) }),
  apmServices: operation({ ...E, permission: "telemetry.read", query: s.ApmQuery, handler: ({ ctx, input }) => v.apmServices({ ctx, input: input.query }) }),
  apmOperations: operation({
    ...E,
    params: EnvironmentParams.extend(s.ApmServiceParams.shape),
    permission: "telemetry.read",
    query: s.ApmQuery,
    handler: ({ ctx, input }) => v.apmOperations({ ctx, input: { ...input.query, service: input.params.service } }),
  }),

  searchSystemTraces: operation({ permission: "telemetry.system.read", query: s.TraceSearchQuery, handler: ({ ctx, input }) => v.searchSystemTraces({ ctx, input: input.query }) }),
  searchSystemLogs: operation({ permission: "telemetry.system.read", query: s.LogSearchQuery, handler: ({ ctx, input }) => v.searchSystemLogs({ ctx, input: input.query }) }),
  systemApmServices: operation({ permission: "telemetry.system.read", query: s.ApmQuery, handler: ({ ctx, input }) => v.systemApmServices({ ctx, input: input.query }) }),
  systemApmOperations: operation({
    permission: "telemetry.system.read",
    params: s.ApmServiceParams,
    query: s.ApmQuery,
    handler: ({ ctx, input }) => v.systemApmOperations({ ctx, input: { ...input.query, service: input.params.service } }),
  }),

  getTelemetryBackends: operation({ permission: "clusters.read", params: ClusterParams, handler: ({ ctx, input }) => getTelemetryBackends({ ctx, input: input.params }) }),
  setTelemetryBackends: operation({
    permission: "clusters.create",
    params: ClusterParams,
    body: s.TelemetryBackendsInput,
    handler: ({ ctx, input }) => setTelemetryBackends({ ctx, input: { ...input.body, cluster: input.params.cluster } }),
  }),
};
