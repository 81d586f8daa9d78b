import "server-only";
import { and, desc, eq, gte, lte } from "drizzle-orm";
import type { RowDataPacket } from "mysql2";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb, getPool } from "@/lib/db/client";
import { probeFailures } from "@/lib/db/schema";
import { backendFor } from "@/lib/telemetry/backends/backend-for";
import { getJson, labelName, quote } from "@/lib/telemetry/backends/http";
import { MAX_RESULT_POINTS } from "./constants";
import { probeDto } from "./dto";
import { getProbeInEnvironmentOrThrow } from "./find-probe";
import { probeLocation, type ProbeLocation } from "./location";
import type { ProbePhases, ProbeResultPoint, ProbeResults, ProbeResultsQuery } from "./schemas";
import { probeJob, uptimeByName } from "./uptime";

const PHASES = ["resolve", "connect", "tls", "processing", "transfer"] as const;
const MAX_FAILURES = 500;

/** What one step bucket gathered, per series: the chart's point is built from these. */
interface Bucket {
  successMin?: number;
  durationS?: number;
  statusCode?: number;
  phases: Partial<Record<(typeof PHASES)[number], number>>;
}

const ms = (seconds: number | undefined) => (seconds === undefined ? null : Math.round(seconds * 1000 * 100) / 100);

function toPoints(buckets: Map<number, Bucket>): ProbeResultPoint[] {
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([t, b]) => ({
      t,
      success: b.successMin === undefined ? null : b.successMin >= 1 ? 1 : 0,
      durationMs: ms(b.durationS),
      phases: Object.fromEntries(PHASES.map((p) => [p, ms(b.phases[p])])) as unknown as ProbePhases,
      statusCode: b.statusCode ?? null,
    }));
}

async function embeddedSeries(loc: ProbeLocation, name: string, startMs: number, endMs: number, stepMs: number) {
  const buckets = new Map<number, Bucket>();
  if (loc.nsId === null) return { buckets, uptime: null };
  const [rows] = await getPool().query<RowDataPacket[]>(
    `SELECT s.name, JSON_UNQUOTE(JSON_EXTRACT(s.labels, '$.phase')) AS phase, FLOOR(p.time_ms / ?) * ? AS t,
            MIN(p.value) AS mn, AVG(p.value) AS av, MAX(p.value) AS mx, SUM(p.value) AS sm, COUNT(*) AS n
       FROM telemetry_metric_series s
       JOIN telemetry_metric_points p ON p.series_id = s.id AND p.time_ms >= ? AND p.time_ms <= ?
      WHERE s.ns_id = ? AND s.service = ?
        AND s.name IN ('probe_success', 'probe_duration_seconds', 'probe_http_duration_seconds', 'probe_http_status_code')
      GROUP BY s.name, phase, t`,
    [stepMs, stepMs, startMs, endMs, loc.nsId, probeJob(name)],
  );
  let ok = 0;
  let runs = 0;
  for (const r of rows) {
    const t = Number(r.t);
    const b = buckets.get(t) ?? { phases: {} };
    buckets.set(t, b);
    if (r.name === "probe_success") {
      b.successMin = Math.min(b.successMin ?? 1, Number(r.mn));
      ok += Number(r.sm);
      runs += Number(r.n);
    } else if (r.name === "probe_duration_seconds") b.durationS = Number(r.av);
    else if (r.name === "probe_http_status_code") b.statusCode = Number(r.mx) || undefined;
    else if (PHASES.includes(r.phase)) b.phases[r.phase as (typeof PHASES)[number]] = Number(r.av);
  }
  return { buckets, uptime: runs ? ok / runs : null };
}

interface Matrix {
  data: { result: { metric: Record<string, string>; values: [number, string][] }[] };
}

async function prometheusSeries(
  b: NonNullable<Awaited<ReturnType<typeof backendFor>>>,
  loc: ProbeLocation,
  name: string,
  startMs: number,
  endMs: number,
  stepMs: number,
) {
  const sel = (metric: string) =>
    `${metric}{${labelName(b.namespaceLabel)}=${quote(loc.namespace)}, job=${quote(probeJob(name))}}`;
  const range = `${Math.max(1, Math.round(stepMs / 1000))}s`;
  const queries = {
    success: `min(min_over_time(${sel("probe_success")}[${range}]))`,
    duration: `avg(avg_over_time(${sel("probe_duration_seconds")}[${range}]))`,
    status: `max(max_over_time(${sel("probe_http_status_code")}[${range}]))`,
    phases: `avg by (phase) (avg_over_time(${sel("probe_http_duration_seconds")}[${range}]))`,
    uptime: `avg(avg_over_time(${sel("probe_success")}[${Math.round((endMs - startMs) / 1000)}s]))`,
  };
  const ask = (query: string) =>
    getJson<Matrix>(b, "api/v1/query_range", {
      query,
      start: String(startMs / 1000),
      end: String(endMs / 1000),
      step: String(stepMs / 1000),
    });
  const [success, duration, status, phases] = await Promise.all(
    [queries.success, queries.duration, queries.status, queries.phases].map(ask),
  );
  const whole = await getJson<{ data: { result: { value: [number, string] }[] } }>(b, "api/v1/query", {
    query: queries.uptime,
    time: String(endMs / 1000),
  });
  const buckets = new Map<number, Bucket>();
  const each = (m: Matrix, put: (bucket: Bucket, v: number, labels: Record<string, string>) => void) => {
    for (const s of m.data.result)
      for (const [t, v] of s.values) {
        const key = Math.round(t * 1000);
        const bucket = buckets.get(key) ?? { phases: {} };
        buckets.set(key, bucket);
        if (Number.isFinite(Number(v))) put(bucket, Number(v), s.metric);
      }
  };
  each(success, (bk, v) => (bk.successMin = v));
  each(duration, (bk, v) => (bk.durationS = v));
  each(status, (bk, v) => (bk.statusCode = v || undefined));
  each(phases, (bk, v, l) => {
    if (PHASES.includes(l.phase as (typeof PHASES)[number])) bk.phases[l.phase as (typeof PHASES)[number]] = v;
  });
  const u = whole.data.result[0]?.value[1];
  return { buckets, uptime: u === undefined ? null : Number(u) };
}

/** A probe's runs over a window (default the last 24 h), in steps of at least its interval. */
export const getProbeResults = verb(
  "probes.results",
  "probes.read",
  async ({
    ctx,
    input,
  }: VerbArgs<{ name: string; query: ProbeResultsQuery }, EnvironmentCtx>): Promise<ProbeResults> => {
    const row = await getProbeInEnvironmentOrThrow(ctx, input.name);
    const endMs = input.query.end ?? Date.now();
    const startMs = input.query.start ?? endMs - 24 * 3600_000;
    const stepMs = Math.max(row.intervalSeconds * 1000, Math.ceil((endMs - startMs) / MAX_RESULT_POINTS / 1000) * 1000);
    const loc = await probeLocation(ctx);
    const prometheus = await backendFor(loc.clusterId, "prometheus");
    const [series, uptime, failures] = await Promise.all([
      prometheus
        ? prometheusSeries(prometheus, loc, row.name, startMs, endMs, stepMs)
        : embeddedSeries(loc, row.name, startMs, endMs, stepMs),
      uptimeByName(loc, [row.name]),
      getDb()
        .select({ t: probeFailures.timeMs, reason: probeFailures.reason })
        .from(probeFailures)
        .where(
          and(eq(probeFailures.probeId, row.id), gte(probeFailures.timeMs, startMs), lte(probeFailures.timeMs, endMs)),
        )
        .orderBy(desc(probeFailures.timeMs))
        .limit(MAX_FAILURES),
    ]);
    return {
      probe: probeDto(row, uptime.get(row.name)),
      startMs,
      endMs,
      stepMs,
      points: toPoints(series.buckets),
      failures,
      certExpiresAt: row.lastCertExpiryMs ?? null,
      uptime: series.uptime,
    };
  },
);
