// Safe to import from client components: the telemetry API's contract, requests and answers.
// Times are epoch milliseconds in answers; in queries, epoch ms or an ISO-8601 string.
// Durations in queries: a number of milliseconds or a Go-style string ("250ms", "1.5s", "2m").
import { z } from "zod";
import { SEVERITIES } from "./severity";

export const TimeParam = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const ms = typeof v === "number" || /^\d+(\.\d+)?$/.test(v) ? Number(v) : Date.parse(v);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: "custom", message: "Use epoch milliseconds or an ISO-8601 time." });
    return z.NEVER;
  }
  return ms;
});

const UNITS: Record<string, number> = { us: 0.001, µs: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
export const DurationParam = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const m = /^(\d+(?:\.\d+)?)(us|µs|ms|s|m|h|d)?$/.exec(String(v).trim());
  if (!m) {
    ctx.addIssue({ code: "custom", message: 'Use milliseconds or a duration such as "250ms" or "1.5s".' });
    return z.NEVER;
  }
  return Number(m[1]) * UNITS[m[2] ?? "ms"];
});

const Window = { start: TimeParam.optional(), end: TimeParam.optional() };
const HexId = (chars: number) =>
  z
    .string()
    .regex(new RegExp(`^[0-9a-fA-F]{${chars}}$`), `Use ${chars} hex characters.`)
    .transform((s) => s.toLowerCase());

/** `attr.<key>=<value>` parameters search span attributes (exact match). */
export const TraceSearchQuery = z
  .object({
    service: z.string().max(128).optional(),
    operation: z.string().max(255).optional(),
    minDuration: DurationParam.optional(),
    maxDuration: DurationParam.optional(),
    status: z.enum(["unset", "ok", "error"]).optional(),
    ...Window,
    limit: z.coerce.number().int().min(1).max(200).default(20),
  })
  .catchall(z.string().max(512));
export type TraceSearchQuery = z.infer<typeof TraceSearchQuery>;

export const TraceIdParams = z.object({ traceId: HexId(32) });

export const LogSearchQuery = z.object({
  q: z.string().max(256).optional(),
  severity: z.enum(SEVERITIES).optional(),
  service: z.string().max(128).optional(),
  pod: z.string().max(253).optional(),
  traceId: HexId(32).optional(),
  spanId: HexId(16).optional(),
  ...Window,
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type LogSearchQuery = z.infer<typeof LogSearchQuery>;

export const METRIC_AGGS = [
  "avg",
  "min",
  "max",
  "sum",
  "last",
  "rate",
  "increase",
  "count",
  "p50",
  "p90",
  "p95",
  "p99",
] as const;

/** `match.<label>=<value>` parameters select series by label (service and pod included). */
export const MetricQuery = z
  .object({
    metric: z.string().max(255).optional(),
    agg: z.enum(METRIC_AGGS).optional(),
    step: DurationParam.optional(),
    ...Window,
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .catchall(z.string().max(512));
export type MetricQuery = z.infer<typeof MetricQuery>;

export const MetricLabelsQuery = z.object({ metric: z.string().max(255) });

export const ApmQuery = z.object({
  ...Window,
  step: DurationParam.optional(),
  series: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});
export type ApmQuery = z.infer<typeof ApmQuery>;

export const ApmServiceParams = z.object({ service: z.string().min(1).max(128) });

export const CreateIngestTokenInput = z.object({ name: z.string().trim().min(1, "Name the token.").max(128) });
export type CreateIngestTokenInput = z.infer<typeof CreateIngestTokenInput>;
export const IngestTokenParams = z.object({ id: z.coerce.number().int().positive() });

const Backend = z.enum(["embedded", "prometheus", "loki", "jaeger"]);
const Attributes = z.record(z.string(), z.unknown());
const EnvironmentRef = z.object({ tenant: z.string(), project: z.string(), environment: z.string() }).nullable();

export const IngestTokenDto = z.object({
  id: z.number(),
  name: z.string(),
  /** The first characters of the token, to recognise it. */
  prefix: z.string(),
  cluster: z.string(),
  /** Environment tokens write only this namespace; null for cluster tokens. */
  namespace: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type IngestTokenDto = z.infer<typeof IngestTokenDto>;
/** POST answer: the token is shown this once. */
export const CreatedIngestToken = IngestTokenDto.extend({ token: z.string() });

export const SpanDto = z.object({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().nullable(),
  name: z.string(),
  kind: z.enum(["unspecified", "internal", "server", "client", "producer", "consumer"]),
  service: z.string(),
  namespace: z.string(),
  environment: EnvironmentRef,
  pod: z.string().nullable(),
  startMs: z.number(),
  durationMs: z.number(),
  status: z.object({ code: z.enum(["unset", "ok", "error"]), message: z.string() }),
  attributes: Attributes,
  resource: Attributes,
  events: z.array(z.object({ timeMs: z.number(), name: z.string(), attributes: Attributes })),
  links: z.array(z.object({ traceId: z.string(), spanId: z.string(), attributes: Attributes })),
  /** Where to go next: this span's logs, and the metrics of its pod/service ±15 min. */
  related: z.object({ logs: z.string().nullable(), metrics: z.string().nullable() }),
});
export type SpanDto = z.infer<typeof SpanDto>;

export const TraceSummary = z.object({
  traceId: z.string(),
  rootService: z.string(),
  rootName: z.string(),
  startMs: z.number(),
  durationMs: z.number(),
  spanCount: z.number(),
  errorCount: z.number(),
  services: z.array(z.string()),
});
export type TraceSummary = z.infer<typeof TraceSummary>;
export const TraceSearchResult = z.object({ backend: Backend, traces: z.array(TraceSummary) });
export type TraceSearchResult = z.infer<typeof TraceSearchResult>;

export const TraceDetail = z.object({
  backend: Backend,
  traceId: z.string(),
  startMs: z.number(),
  durationMs: z.number(),
  services: z.array(z.string()),
  spans: z.array(SpanDto),
  /** Spans of this trace in namespaces the caller may not read. */
  hiddenSpans: z.number(),
  related: z.object({ logs: z.string() }),
});
export type TraceDetail = z.infer<typeof TraceDetail>;

export const LogDto = z.object({
  timeMs: z.number(),
  severity: z.string(),
  severityNumber: z.number(),
  body: z.string(),
  traceId: z.string().nullable(),
  spanId: z.string().nullable(),
  service: z.string(),
  namespace: z.string(),
  pod: z.string().nullable(),
  attributes: Attributes,
  related: z.object({ trace: z.string().nullable(), metrics: z.string().nullable() }),
});
export type LogDto = z.infer<typeof LogDto>;
export const LogSearchResult = z.object({ backend: Backend, logs: z.array(LogDto), hiddenLogs: z.number().optional() });
export type LogSearchResult = z.infer<typeof LogSearchResult>;

export const MetricSeries = z.object({
  metric: z.string(),
  type: z.string(),
  unit: z.string(),
  agg: z.string(),
  labels: z.record(z.string(), z.string()),
  points: z.array(z.tuple([z.number(), z.number().nullable()])),
});
export type MetricSeries = z.infer<typeof MetricSeries>;
export const MetricQueryResult = z.object({
  backend: Backend,
  agg: z.string(),
  stepMs: z.number(),
  startMs: z.number(),
  endMs: z.number(),
  series: z.array(MetricSeries),
});
export type MetricQueryResult = z.infer<typeof MetricQueryResult>;
export const MetricNamesResult = z.object({
  backend: Backend,
  metrics: z.array(z.object({ name: z.string(), type: z.string(), unit: z.string(), description: z.string() })),
});
export type MetricNamesResult = z.infer<typeof MetricNamesResult>;
export const MetricLabelsResult = z.object({
  backend: Backend,
  metric: z.string(),
  labels: z.record(z.string(), z.array(z.string())),
});
export type MetricLabelsResult = z.infer<typeof MetricLabelsResult>;

export const ApmStats = z.object({
  calls: z.number(),
  /** Calls per second over the window. */
  rate: z.number(),
  errors: z.number(),
  errorRate: z.number(),
  p50Ms: z.number().nullable(),
  p90Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
  avgMs: z.number().nullable(),
});
export const ApmPoint = ApmStats.extend({ tMs: z.number() });
export const ApmRow = ApmStats.extend({
  service: z.string(),
  operation: z.string().optional(),
  /** The traces behind this row, as a trace search URL. */
  traces: z.string(),
  series: z.array(ApmPoint).optional(),
});
export type ApmStats = z.infer<typeof ApmStats>;
export type ApmRow = z.infer<typeof ApmRow>;
export const ApmResult = z.object({
  backend: Backend,
  startMs: z.number(),
  endMs: z.number(),
  stepMs: z.number(),
  rows: z.array(ApmRow),
});
export type ApmResult = z.infer<typeof ApmResult>;

export const BackendInput = z.object({
  url: z.url({ protocol: /^https?$/, error: "Use an http(s) URL." }).max(512),
  username: z.string().max(128).optional(),
  /** Password (with username) or bearer token; kept sealed, never shown again. Left out, the
   *  stored one stays; "" removes it. */
  secret: z.string().max(4096).optional(),
  orgId: z.string().max(128).optional(),
  namespaceLabel: z.string().max(128).default("namespace"),
});
export const TelemetryBackendsInput = z.object({
  prometheus: BackendInput.nullable().optional(),
  loki: BackendInput.nullable().optional(),
  jaeger: BackendInput.nullable().optional(),
});
export type TelemetryBackendsInput = z.infer<typeof TelemetryBackendsInput>;
export const TelemetryBackendsDto = z.object({
  cluster: z.string(),
  backends: z.array(
    z.object({
      kind: z.enum(["prometheus", "loki", "jaeger"]),
      url: z.string(),
      username: z.string().nullable(),
      hasSecret: z.boolean(),
      orgId: z.string().nullable(),
      namespaceLabel: z.string(),
    }),
  ),
});
export type TelemetryBackendsDto = z.infer<typeof TelemetryBackendsDto>;
