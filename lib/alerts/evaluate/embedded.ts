import "server-only";
import type { RowDataPacket } from "mysql2";
import { getPool } from "@/lib/db/client";
import { joinSql, sqlIdentifier, sqlText } from "@/lib/db/sql-text";
import { APM_BUCKETS, quantileUs } from "@/lib/telemetry/ingest/histogram";

// Reads of Facet's embedded telemetry store for alert evaluation. Each is bounded by a short
// window and a row limit; results are memoised per round (see RoundMemo) so rules sharing a
// template in one environment share one query.

const H_COLUMNS = Array.from({ length: APM_BUCKETS }, (_, i) => `h${i}`);
const H_SUMS = joinSql(
  H_COLUMNS.map((h) => {
    const column = sqlIdentifier(h, H_COLUMNS);
    return sqlText`SUM(${column}) ${column}`;
  }),
  ", ",
);
const APM_BY_SERVICE =
  sqlText`SELECT service, SUM(calls) calls, SUM(errors) errors, MAX(duration_max_us) max_us, ${H_SUMS} FROM telemetry_apm_rollups WHERE ns_id = ? AND minute >= ? AND minute <= ? GROUP BY service`
    .text;

export interface ApmServiceStats {
  service: string;
  calls: number;
  errorRate: number;
  rate: number;
  p90Ms: number | null;
}

/** Entry-span stats per service over the whole minutes of [now - windowMs, now]. */
export async function apmByService(nsId: number, windowMs: number, nowMs: number): Promise<ApmServiceStats[]> {
  const first = Math.floor((nowMs - windowMs) / 60_000);
  const last = Math.floor(nowMs / 60_000);
  const [rows] = await getPool().query<RowDataPacket[]>(APM_BY_SERVICE, [nsId, first, last]);
  const seconds = (last - first + 1) * 60;
  return rows.map((r) => {
    const calls = Number(r.calls);
    const buckets = H_COLUMNS.map((h) => Number(r[h]));
    const p90 = quantileUs(buckets, 0.9, Number(r.max_us));
    return {
      service: r.service as string,
      calls,
      errorRate: calls ? (Number(r.errors) / calls) * 100 : 0,
      rate: calls / seconds,
      p90Ms: p90 === null ? null : p90 / 1000,
    };
  });
}

const METRIC_POINTS =
  sqlText`SELECT s.id, s.service, s.pod, s.labels, p.time_ms, p.value FROM telemetry_metric_series s JOIN telemetry_metric_points p ON p.series_id = s.id AND p.time_ms >= ? AND p.time_ms <= ? WHERE s.ns_id = ? AND s.name IN (?) AND s.last_ms >= ? ORDER BY p.time_ms LIMIT 50000`
    .text;

export interface SeriesPoints {
  labels: Record<string, string>;
  points: { t: number; v: number }[];
}

/** Points of the named series within the window, per series (labels include service and pod). */
export async function metricSeries(
  nsId: number,
  names: string[],
  windowMs: number,
  nowMs: number,
): Promise<SeriesPoints[]> {
  const start = nowMs - windowMs;
  const [rows] = await getPool().query<RowDataPacket[]>(METRIC_POINTS, [start, nowMs, nsId, names, start]);
  const bySeries = new Map<number, SeriesPoints>();
  for (const r of rows) {
    let s = bySeries.get(Number(r.id));
    if (!s) {
      const labels = JSON.parse(r.labels as string) as Record<string, string>;
      s = {
        labels: { ...labels, service: r.service as string, ...(r.pod ? { pod: r.pod as string } : {}) },
        points: [],
      };
      bySeries.set(Number(r.id), s);
    }
    if (r.value !== null) s.points.push({ t: Number(r.time_ms), v: Number(r.value) });
  }
  return [...bySeries.values()].filter((s) => s.points.length);
}

export function over(points: { v: number }[], how: "last" | "avg" | "increase" | "max"): number {
  switch (how) {
    case "last":
      return points[points.length - 1].v;
    case "avg":
      return points.reduce((a, p) => a + p.v, 0) / points.length;
    case "max":
      return Math.max(...points.map((p) => p.v));
    case "increase":
      return Math.max(0, points[points.length - 1].v - points[0].v);
  }
}

export function combine(values: number[], how: "sum" | "max" | "avg"): number {
  if (how === "sum") return values.reduce((a, b) => a + b, 0);
  if (how === "max") return Math.max(...values);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

// The newest LOG_SCAN_ROWS lines of the window are matched: the regex runs on a bounded set.
const LOG_SCAN_ROWS = 20_000;
const LOG_MATCHES =
  sqlText`SELECT COUNT(*) n FROM (SELECT body FROM telemetry_logs WHERE ns_id = ? AND time_us >= ? AND time_us <= ? AND (? IS NULL OR service = ?) AND (? IS NULL OR pod = ?) ORDER BY time_us DESC LIMIT ?) recent WHERE body REGEXP ?`
    .text;

/** Lines of the window whose body matches `regex` (case-sensitive unless it starts with (?i)). */
export async function countLogMatches(
  nsId: number,
  filter: { service: string | null; pod: string | null },
  regex: string,
  windowMs: number,
  nowMs: number,
): Promise<number> {
  const pattern = regex.startsWith("(?i)") ? regex : `(?-i)${regex}`;
  const [rows] = await getPool().query<RowDataPacket[]>(LOG_MATCHES, [
    nsId,
    (nowMs - windowMs) * 1000,
    nowMs * 1000,
    filter.service,
    filter.service,
    filter.pod,
    filter.pod,
    LOG_SCAN_ROWS,
    pattern,
  ]);
  return Number(rows[0]?.n ?? 0);
}
