import "server-only";
import type { RowDataPacket } from "mysql2";
import { getPool } from "@/lib/db/client";
import { jsonMemberPath } from "@/lib/db/sql-text";
import { AppError } from "@/lib/errors";
import type { MetricLabelsResult, MetricNamesResult, MetricQuery, MetricQueryResult } from "../schemas";
import { assertSteps } from "./bounds";
import { aggregate, defaultAgg, type Agg, type StoredPoint } from "./metric-agg";
import { type Target, windowOf } from "./target";

export { MAX_POINTS_PER_SERIES } from "./bounds";

/** match.<label>=value pairs; service and pod are columns, other labels live in the JSON. */
export function labelMatchers(q: Record<string, unknown>): [string, string][] {
  return Object.entries(q).flatMap(([k, v]) =>
    k.startsWith("match.") && typeof v === "string" && k.length > 6 ? [[k.slice(6), v] as [string, string]] : [],
  );
}

export function stepFor(startMs: number, endMs: number, step?: number): number {
  const auto = Math.max(60_000, Math.ceil((endMs - startMs) / 120 / 60_000) * 60_000);
  const stepMs = step ?? auto;
  assertSteps(endMs - startMs, stepMs);
  return stepMs;
}

/** At most this many `match.<label>` filters besides service and pod: each is a slot of the statement. */
export const MAX_LABEL_MATCHERS = 8;

// One constant statement, as the log search: a filter left out is bound as NULL and `? IS NULL`
// folds away before planning. Each of the MAX_LABEL_MATCHERS label slots binds its JSON path as a
// value, never as text.
const SELECT_SERIES = `SELECT id, name, type, temporality, monotonic, unit, service, pod, labels FROM telemetry_metric_series
  WHERE ns_id = ? AND (? IS NULL OR name = ?) AND (? IS NULL OR service = ?) AND (? IS NULL OR pod = ?)
  AND (? IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(labels, ?)) = ?)
  AND (? IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(labels, ?)) = ?)
  AND (? IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(labels, ?)) = ?)
  AND (? IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(labels, ?)) = ?)
  AND (? IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(labels, ?)) = ?)
  AND (? IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(labels, ?)) = ?)
  AND (? IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(labels, ?)) = ?)
  AND (? IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(labels, ?)) = ?)
  ORDER BY name, id LIMIT ?`;

const badLabel = (message: string) =>
  new AppError("VALIDATION", "A match.<label> key names no usable label.", {
    errors: [{ path: "query.match", message }],
  });

/** The bound values of SELECT_SERIES's filters, in its order. */
function seriesFilters(q: MetricQuery): unknown[] {
  let service: string | null = null;
  let pod: string | null = null;
  const labels: [string, string][] = [];
  for (const [label, value] of labelMatchers(q)) {
    if (label === "service") service = value;
    else if (label === "pod") pod = value;
    else {
      const path = jsonMemberPath(label);
      if (!path)
        throw badLabel(
          "Label names are letters, digits, '_', '.', ':', '/' and '-', starting with a letter or '_' (at most 128).",
        );
      labels.push([path, value]);
    }
  }
  if (labels.length > MAX_LABEL_MATCHERS)
    throw badLabel(`At most ${MAX_LABEL_MATCHERS} label matchers besides service and pod.`);
  const slots = Array.from({ length: MAX_LABEL_MATCHERS }, (_, i) => labels[i] ?? [null, null]);
  const metric = q.metric ?? null;
  return [metric, metric, service, service, pod, pod, ...slots.flatMap(([path, value]) => [path, path, value])];
}

export async function queryMetricsEmbedded(target: Target, q: MetricQuery): Promise<MetricQueryResult> {
  const { startMs, endMs } = windowOf(q);
  const stepMs = stepFor(startMs, endMs, q.step);
  const empty = { backend: "embedded" as const, agg: q.agg ?? "default", stepMs, startMs, endMs, series: [] };
  const filters = seriesFilters(q); // checked even where nothing is stored yet
  if (target.nsId === null) return empty;
  const [series] = await getPool().query<RowDataPacket[]>(SELECT_SERIES, [target.nsId, ...filters, q.limit]);
  if (!series.length) return empty;
  // One step before the window gives counters their baseline.
  const [points] = await getPool().query<RowDataPacket[]>(
    "SELECT series_id, time_ms, value, count, buckets FROM telemetry_metric_points WHERE series_id IN (?) AND time_ms >= ? AND time_ms <= ? ORDER BY series_id, time_ms",
    [series.map((s) => s.id), startMs - Math.max(stepMs, 300_000), endMs],
  );
  const bySeries = new Map<number, StoredPoint[]>();
  for (const p of points) {
    const list = bySeries.get(Number(p.series_id)) ?? [];
    list.push({
      timeMs: Number(p.time_ms),
      value: p.value === null ? null : Number(p.value),
      count: p.count === null ? null : Number(p.count),
      buckets: p.buckets ? JSON.parse(p.buckets) : null,
    });
    bySeries.set(Number(p.series_id), list);
  }
  return {
    ...empty,
    series: series.map((s) => {
      const meta = { type: s.type as string, temporality: Number(s.temporality), monotonic: Boolean(s.monotonic) };
      const agg: Agg = q.agg ?? defaultAgg(meta);
      return {
        metric: s.name,
        type: s.type,
        unit: s.unit,
        agg,
        labels: { ...JSON.parse(s.labels), service: s.service, ...(s.pod ? { pod: s.pod } : {}) },
        points: aggregate(meta, bySeries.get(Number(s.id)) ?? [], agg, startMs, endMs, stepMs),
      };
    }),
  };
}

export async function metricNamesEmbedded(target: Target): Promise<MetricNamesResult> {
  if (target.nsId === null) return { backend: "embedded", metrics: [] };
  const [rows] = await getPool().query<RowDataPacket[]>(
    "SELECT name, MIN(type) type, MIN(unit) unit, MIN(description) description FROM telemetry_metric_series WHERE ns_id = ? GROUP BY name ORDER BY name LIMIT 2000",
    [target.nsId],
  );
  return {
    backend: "embedded",
    metrics: rows.map((r) => ({ name: r.name, type: r.type, unit: r.unit, description: r.description })),
  };
}

export async function metricLabelsEmbedded(target: Target, metric: string): Promise<MetricLabelsResult> {
  const labels: Record<string, Set<string>> = {};
  if (target.nsId !== null) {
    const [rows] = await getPool().query<RowDataPacket[]>(
      "SELECT service, pod, labels FROM telemetry_metric_series WHERE ns_id = ? AND name = ? LIMIT 5000",
      [target.nsId, metric],
    );
    for (const r of rows) {
      for (const [k, v] of Object.entries({
        ...JSON.parse(r.labels),
        service: r.service,
        ...(r.pod ? { pod: r.pod } : {}),
      }))
        (labels[k] ??= new Set()).add(String(v));
    }
  }
  return {
    backend: "embedded",
    metric,
    labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, [...v].sort()])),
  };
}
