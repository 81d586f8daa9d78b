import "server-only";
import { ClusterParams } from "@/lib/clusters/schemas";
import { operation } from "@/lib/core/operation";
import { EnvironmentParams } from "@/lib/tenancy/schemas";
import { environmentScope } from "@/lib/tenancy/scope";
import { getTelemetryBackends } from "./backends/get-telemetry-backends";
import { setTelemetryBackends } from "./backends/set-telemetry-backends";
import { searchTraces } from "./query/search-traces";
import { getEnvironmentTrace } from "./query/get-environment-trace";
import { getTrace } from "./query/get-trace";
import { traceScope } from "./query/trace-scope";
import { getTraceLogs } from "./query/get-trace-logs";
import { searchLogs } from "./query/search-logs";
import { queryMetrics } from "./query/query-metrics";
import { listMetricNames } from "./query/list-metric-names";
import { listMetricLabels } from "./query/list-metric-labels";
import { apmServices } from "./query/apm-services";
import { apmOperations } from "./query/apm-operations";
import { searchSystemTraces } from "./query/search-system-traces";
import { searchSystemLogs } from "./query/search-system-logs";
import { systemApmServices } from "./query/system-apm-services";
import { systemApmOperations } from "./query/system-apm-operations";
import * as s from "./schemas";
import { listClusterIngestTokens } from "./tokens/list-cluster-ingest-tokens";
import { createClusterIngestToken } from "./tokens/create-cluster-ingest-token";
import { revokeClusterIngestToken } from "./tokens/revoke-cluster-ingest-token";
import { listEnvironmentIngestTokens } from "./tokens/list-environment-ingest-tokens";
import { createEnvironmentIngestToken } from "./tokens/create-environment-ingest-token";
import { revokeEnvironmentIngestToken } from "./tokens/revoke-environment-ingest-token";

// Every telemetry operation of /api/v1, served by route files and the console's server actions.
const E = { params: EnvironmentParams, scope: environmentScope };
const TraceParams = s.TraceIdParams;
const TraceLogsQuery = s.LogSearchQuery.pick({ spanId: true, limit: true });

export const telemetryOps = {
  listClusterIngestTokens: operation({
    verb: listClusterIngestTokens,
    params: ClusterParams,
    handler: ({ ctx, input }) => listClusterIngestTokens({ ctx, input: input.params }),
  }),
  createClusterIngestToken: operation({
    verb: createClusterIngestToken,
    params: ClusterParams,
    body: s.CreateIngestTokenInput,
    status: 201,
    handler: ({ ctx, input }) =>
      createClusterIngestToken({ ctx, input: { ...input.body, cluster: input.params.cluster } }),
  }),
  revokeClusterIngestToken: operation({
    verb: revokeClusterIngestToken,
    params: ClusterParams.extend(s.IngestTokenParams.shape),
    handler: ({ ctx, input }) => revokeClusterIngestToken({ ctx, input: input.params }),
  }),
  listIngestTokens: operation({
    ...E,
    verb: listEnvironmentIngestTokens,
    handler: ({ ctx }) => listEnvironmentIngestTokens({ ctx, input: undefined }),
  }),
  createIngestToken: operation({
    ...E,
    verb: createEnvironmentIngestToken,
    body: s.CreateIngestTokenInput,
    status: 201,
    handler: ({ ctx, input }) => createEnvironmentIngestToken({ ctx, input: input.body }),
  }),
  revokeIngestToken: operation({
    ...E,
    params: EnvironmentParams.extend(s.IngestTokenParams.shape),
    verb: revokeEnvironmentIngestToken,
    handler: ({ ctx, input }) => revokeEnvironmentIngestToken({ ctx, input: { id: input.params.id } }),
  }),

  searchTraces: operation({
    ...E,
    verb: searchTraces,
    query: s.TraceSearchQuery,
    handler: ({ ctx, input }) => searchTraces({ ctx, input: input.query }),
  }),
  getEnvironmentTrace: operation({
    ...E,
    params: EnvironmentParams.extend(TraceParams.shape),
    verb: getEnvironmentTrace,
    handler: ({ ctx, input }) => getEnvironmentTrace({ ctx, input: { traceId: input.params.traceId } }),
  }),
  getTrace: operation({
    verb: getTrace,
    params: TraceParams,
    scope: traceScope,
    handler: ({ ctx, input }) => getTrace({ ctx, input: input.params }),
  }),
  getTraceLogs: operation({
    verb: getTraceLogs,
    params: TraceParams,
    query: TraceLogsQuery,
    scope: traceScope,
    handler: ({ ctx, input }) =>
      getTraceLogs({
        ctx,
        input: { traceId: input.params.traceId, spanId: input.query.spanId, limit: input.query.limit },
      }),
  }),
  searchLogs: operation({
    ...E,
    verb: searchLogs,
    query: s.LogSearchQuery,
    handler: ({ ctx, input }) => searchLogs({ ctx, input: input.query }),
  }),
  queryMetrics: operation({
    ...E,
    verb: queryMetrics,
    query: s.MetricQuery,
    handler: ({ ctx, input }) => queryMetrics({ ctx, input: input.query }),
  }),
  listMetricNames: operation({
    ...E,
    verb: listMetricNames,
    handler: ({ ctx }) => listMetricNames({ ctx, input: undefined }),
  }),
  listMetricLabels: operation({
    ...E,
    verb: listMetricLabels,
    query: s.MetricLabelsQuery,
    handler: ({ ctx, input }) => listMetricLabels({ ctx, input: input.query }),
  }),
  apmServices: operation({
    ...E,
    verb: apmServices,
    query: s.ApmQuery,
    handler: ({ ctx, input }) => apmServices({ ctx, input: input.query }),
  }),
  apmOperations: operation({
    ...E,
    params: EnvironmentParams.extend(s.ApmServiceParams.shape),
    verb: apmOperations,
    query: s.ApmQuery,
    handler: ({ ctx, input }) => apmOperations({ ctx, input: { ...input.query, service: input.params.service } }),
  }),

  searchSystemTraces: operation({
    verb: searchSystemTraces,
    query: s.TraceSearchQuery,
    handler: ({ ctx, input }) => searchSystemTraces({ ctx, input: input.query }),
  }),
  searchSystemLogs: operation({
    verb: searchSystemLogs,
    query: s.LogSearchQuery,
    handler: ({ ctx, input }) => searchSystemLogs({ ctx, input: input.query }),
  }),
  systemApmServices: operation({
    verb: systemApmServices,
    query: s.ApmQuery,
    handler: ({ ctx, input }) => systemApmServices({ ctx, input: input.query }),
  }),
  systemApmOperations: operation({
    verb: systemApmOperations,
    params: s.ApmServiceParams,
    query: s.ApmQuery,
    handler: ({ ctx, input }) => systemApmOperations({ ctx, input: { ...input.query, service: input.params.service } }),
  }),

  getTelemetryBackends: operation({
    verb: getTelemetryBackends,
    params: ClusterParams,
    handler: ({ ctx, input }) => getTelemetryBackends({ ctx, input: input.params }),
  }),
  setTelemetryBackends: operation({
    verb: setTelemetryBackends,
    params: ClusterParams,
    body: s.TelemetryBackendsInput,
    handler: ({ ctx, input }) => setTelemetryBackends({ ctx, input: { ...input.body, cluster: input.params.cluster } }),
  }),
};
