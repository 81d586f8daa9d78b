import {
  bigint,
  binary,
  char,
  double,
  index,
  int,
  mediumtext,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  tinyint,
  uniqueIndex,
  varchar,
} from "drizzle-orm/mysql-core";
import { id, ref, timestamps, version } from "../columns";
import { clusters } from "./clusters";
import { environments } from "./tenancy";
import { tenants } from "./tenants";

// Telemetry rows are written by raw multi-row INSERTs on the ingest path (lib/telemetry/store);
// they carry no foreign keys so inserts stay cheap, and ids are binary. Times are integers:
// microseconds since the epoch for spans and logs, milliseconds for metric points.

export const TELEMETRY_BACKEND_KINDS = ["prometheus", "loki", "jaeger"] as const;
/** Buckets of the APM duration histograms (see lib/telemetry/ingest/histogram.ts). */
export const APM_BUCKETS = 100;

const u64 = (name: string) => bigint(name, { mode: "number", unsigned: true });

/**
 * The identity telemetry belongs to: one row per (cluster, namespace, environment) that ever
 * sent something; cluster 0 is Facet itself. Every span, log, series and rollup points here by
 * `id`, so an environment reads only what was written while it owned the namespace, and a later
 * environment on the same namespace starts empty. Environment 0: a namespace no environment
 * owned at the time (a cluster token's), which only sysadmins read. Rows of deleted
 * environments are sealed (nobody reads them) and purged in the background (store/purge-deleted.ts).
 */
export const telemetryNamespaces = mysqlTable(
  "telemetry_namespaces",
  {
    id: int("id", { unsigned: true }).autoincrement().primaryKey(),
    clusterId: u64("cluster_id").notNull(),
    namespace: varchar("namespace", { length: 63 }).notNull(),
    environmentId: u64("environment_id").notNull().default(0),
  },
  (t) => [
    uniqueIndex("telemetry_namespaces_uq").on(t.clusterId, t.namespace, t.environmentId),
    index("telemetry_namespaces_env_idx").on(t.environmentId),
  ],
);

/** Resource attribute sets, stored once and referenced by spans and logs. */
export const telemetryResources = mysqlTable(
  "telemetry_resources",
  {
    id: id(),
    hash: binary("hash", { length: 16 }).notNull(),
    nsId: int("ns_id", { unsigned: true }).notNull(),
    service: varchar("service", { length: 128 }).notNull(),
    attributes: mediumtext("attributes").notNull(),
    createdAt: timestamp("created_at", { fsp: 3, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("telemetry_resources_hash_uq").on(t.hash)],
);

/**
 * Clustered by (namespace, start): scans of an environment's recent spans read adjacent pages,
 * and with no AUTO_INCREMENT, concurrent LOAD DATA writers take no table lock. A span sent
 * twice (an exporter's retry) keeps its first copy.
 */
export const telemetrySpans = mysqlTable(
  "telemetry_spans",
  {
    traceId: binary("trace_id", { length: 16 }).notNull(),
    spanId: binary("span_id", { length: 8 }).notNull(),
    parentSpanId: binary("parent_span_id", { length: 8 }),
    nsId: int("ns_id", { unsigned: true }).notNull(),
    resourceId: u64("resource_id").notNull(),
    service: varchar("service", { length: 128 }).notNull(),
    name: varchar("name", { length: 255 }).notNull(),
    kind: tinyint("kind", { unsigned: true }).notNull(),
    startUs: bigint("start_us", { mode: "number" }).notNull(),
    durationUs: u64("duration_us").notNull(),
    statusCode: tinyint("status_code", { unsigned: true }).notNull(),
    statusMessage: varchar("status_message", { length: 512 }),
    pod: varchar("pod", { length: 253 }),
    httpRoute: varchar("http_route", { length: 255 }),
    httpStatus: smallint("http_status", { unsigned: true }),
    userId: varchar("user_id", { length: 128 }),
    attributes: mediumtext("attributes"),
    events: mediumtext("events"),
    links: text("links"),
  },
  (t) => [
    primaryKey({ columns: [t.nsId, t.startUs, t.spanId] }),
    index("telemetry_spans_trace_idx").on(t.traceId),
    index("telemetry_spans_ns_service_time_idx").on(t.nsId, t.service, t.startUs),
    index("telemetry_spans_ns_user_idx").on(t.nsId, t.userId, t.startUs),
  ],
);

/** Clustered by (namespace, time) like spans; `id` is random, only to tell records apart. */
export const telemetryLogs = mysqlTable(
  "telemetry_logs",
  {
    id: binary("id", { length: 8 }).notNull(),
    timeUs: bigint("time_us", { mode: "number" }).notNull(),
    nsId: int("ns_id", { unsigned: true }).notNull(),
    resourceId: u64("resource_id").notNull(),
    service: varchar("service", { length: 128 }).notNull(),
    pod: varchar("pod", { length: 253 }),
    severityNumber: tinyint("severity_number", { unsigned: true }).notNull(),
    severityText: varchar("severity_text", { length: 32 }),
    body: mediumtext("body").notNull(),
    traceId: binary("trace_id", { length: 16 }),
    spanId: binary("span_id", { length: 8 }),
    attributes: mediumtext("attributes"),
  },
  (t) => [
    primaryKey({ columns: [t.nsId, t.timeUs, t.id] }),
    index("telemetry_logs_trace_idx").on(t.traceId, t.spanId),
    index("telemetry_logs_ns_service_time_idx").on(t.nsId, t.service, t.timeUs),
  ],
);

export const METRIC_TYPES = ["gauge", "sum", "histogram", "summary", "exponential_histogram"] as const;

/** A metric series: a name and its full label set (data point attributes plus service and pod). */
export const telemetryMetricSeries = mysqlTable(
  "telemetry_metric_series",
  {
    id: id(),
    nsId: int("ns_id", { unsigned: true }).notNull(),
    name: varchar("name", { length: 255 }).notNull(),
    labelsHash: binary("labels_hash", { length: 16 }).notNull(),
    type: mysqlEnum("type", METRIC_TYPES).notNull(),
    /** 1 delta, 2 cumulative (OTLP AggregationTemporality); 0 for gauges. */
    temporality: tinyint("temporality", { unsigned: true }).notNull().default(0),
    monotonic: tinyint("monotonic", { unsigned: true }).notNull().default(0),
    unit: varchar("unit", { length: 64 }).notNull().default(""),
    description: varchar("description", { length: 512 }).notNull().default(""),
    service: varchar("service", { length: 128 }).notNull(),
    pod: varchar("pod", { length: 253 }),
    labels: text("labels").notNull(),
    lastMs: bigint("last_ms", { mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex("telemetry_metric_series_uq").on(t.nsId, t.name, t.labelsHash),
    index("telemetry_metric_series_ns_service_idx").on(t.nsId, t.service),
    index("telemetry_metric_series_ns_pod_idx").on(t.nsId, t.pod),
  ],
);

export const telemetryMetricPoints = mysqlTable(
  "telemetry_metric_points",
  {
    seriesId: u64("series_id").notNull(),
    timeMs: bigint("time_ms", { mode: "number" }).notNull(),
    /** Gauge or sum value; for histograms and summaries the sum of observations. */
    value: double("value"),
    count: u64("count"),
    /** Histograms: JSON [bounds, counts]; summaries: JSON [[quantile, value]…]. */
    buckets: text("buckets"),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.timeMs] }), index("telemetry_metric_points_time_idx").on(t.timeMs)],
);

const histogramColumns = Object.fromEntries(
  Array.from({ length: APM_BUCKETS }, (_, i) => [`h${i}`, int(`h${i}`, { unsigned: true }).notNull().default(0)]),
) as Record<`h${number}`, ReturnType<typeof int>>;

/**
 * Per-minute APM rollups of entry spans (server, consumer and root spans), maintained in the
 * same transaction as the spans: calls, errors and a log-scale duration histogram, so the
 * service and operation tables never scan raw spans.
 */
export const telemetryApmRollups = mysqlTable(
  "telemetry_apm_rollups",
  {
    nsId: int("ns_id", { unsigned: true }).notNull(),
    minute: int("minute", { unsigned: true }).notNull(),
    service: varchar("service", { length: 128 }).notNull(),
    operation: varchar("operation", { length: 255 }).notNull(),
    calls: int("calls", { unsigned: true }).notNull().default(0),
    errors: int("errors", { unsigned: true }).notNull().default(0),
    durationSumUs: u64("duration_sum_us").notNull().default(0),
    durationMaxUs: u64("duration_max_us").notNull().default(0),
    ...histogramColumns,
  },
  (t) => [primaryKey({ columns: [t.nsId, t.minute, t.service, t.operation] })],
);

/** Bearer tokens for the OTLP receiver: cluster-wide (sysadmin) or pinned to one environment. */
export const ingestTokens = mysqlTable(
  "ingest_tokens",
  {
    id: id(),
    name: varchar("name", { length: 128 }).notNull(),
    // sha256 of the token; the token is shown once and never stored.
    tokenHash: char("token_hash", { length: 64 }).notNull(),
    prefix: varchar("prefix", { length: 16 }).notNull(),
    clusterId: ref("cluster_id")
      .notNull()
      .references(() => clusters.id, { onDelete: "cascade" }),
    tenantId: ref("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    environmentId: ref("environment_id").references(() => environments.id, { onDelete: "cascade" }),
    /** For environment tokens, the only namespace the token may write. */
    namespace: varchar("namespace", { length: 63 }),
    createdBy: varchar("created_by", { length: 64 }).notNull(),
    lastUsedAt: timestamp("last_used_at", { fsp: 3, mode: "date" }),
    revokedAt: timestamp("revoked_at", { fsp: 3, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("ingest_tokens_hash_uq").on(t.tokenHash),
    index("ingest_tokens_cluster_idx").on(t.clusterId),
    index("ingest_tokens_env_idx").on(t.environmentId),
  ],
);

/** An external store that serves one signal for a cluster's environments instead of Facet's. */
export const telemetryBackends = mysqlTable(
  "telemetry_backends",
  {
    id: id(),
    clusterId: ref("cluster_id")
      .notNull()
      .references(() => clusters.id, { onDelete: "cascade" }),
    kind: mysqlEnum("kind", TELEMETRY_BACKEND_KINDS).notNull(),
    url: varchar("url", { length: 512 }).notNull(),
    username: varchar("username", { length: 128 }),
    /** Password (with username) or bearer token, sealed with lib/crypto/secret-box. */
    secret: text("secret"),
    /** Loki's X-Scope-OrgID. */
    orgId: varchar("org_id", { length: 128 }),
    /** The label that carries the Kubernetes namespace in that store. */
    namespaceLabel: varchar("namespace_label", { length: 128 }).notNull().default("namespace"),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex("telemetry_backends_cluster_kind_uq").on(t.clusterId, t.kind)],
);

export type IngestTokenRow = typeof ingestTokens.$inferSelect;
export type TelemetryBackendRow = typeof telemetryBackends.$inferSelect;
export type TelemetryBackendKind = (typeof TELEMETRY_BACKEND_KINDS)[number];
export type MetricType = (typeof METRIC_TYPES)[number];
