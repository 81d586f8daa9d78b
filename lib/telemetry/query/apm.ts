import "server-only";
import type { RowDataPacket } from "mysql2";
import { getPool } from "@/lib/db/client";
import { joinSql, sqlIdentifier, sqlText } from "@/lib/db/sql-text";
import { APM_BUCKETS, quantileUs } from "../ingest/histogram";
import type { ApmQuery, ApmResult, ApmRow, ApmStats } from "../schemas";
import { assertSteps } from "./bounds";
import { type Target, windowOf } from "./target";

// Rate, errors and latency per service or operation, read from the per-minute rollups only.
// The window snaps to whole minutes: [start minute, end minute].

const H_COLUMNS = Array.from({ length: APM_BUCKETS }, (_, i) => `h${i}`);
const H_SUMS = joinSql(
  H_COLUMNS.map((h) => {
    const column = sqlIdentifier(h, H_COLUMNS);
    return sqlText`SUM(${column}) ${column}`;
  }),
  ", ",
);
const SUMS = sqlText`SUM(calls) calls, SUM(errors) errors, SUM(duration_sum_us) sum_us, MAX(duration_max_us) max_us, ${H_SUMS}`;
const KEYS = ["service", "operation"] as const;

// The four statements, made once from the constants above: per service (all services of the
// namespace) or per operation (one service's), totals and per-step series. Requests only pick one.
function statements(grouping: (typeof KEYS)[number]) {
  const key = sqlIdentifier(grouping, KEYS);
  const where =
    grouping === "operation"
      ? sqlText`ns_id = ? AND minute >= ? AND minute <= ? AND service = ?`
      : sqlText`ns_id = ? AND minute >= ? AND minute <= ?`;
  return {
    totals: sqlText`SELECT ${key} k, ${SUMS} FROM telemetry_apm_rollups WHERE ${where} GROUP BY ${key} ORDER BY ${key}`
      .text,
    series:
      sqlText`SELECT ${key} k, FLOOR((minute - ?) / ?) b, ${SUMS} FROM telemetry_apm_rollups WHERE ${where} GROUP BY ${key}, b ORDER BY ${key}, b`
        .text,
  };
}
const STATEMENTS = { service: statements("service"), operation: statements("operation") };

function stats(r: RowDataPacket, seconds: number): ApmStats {
  const calls = Number(r.calls);
  const errors = Number(r.errors);
  const buckets = Array.from({ length: APM_BUCKETS }, (_, i) => Number(r[`h${i}`]));
  const max = Number(r.max_us);
  const ms = (us: number | null) => (us === null ? null : Math.round(us) / 1000);
  return {
    calls,
    rate: calls / seconds,
    errors,
    errorRate: calls ? errors / calls : 0,
    p50Ms: ms(quantileUs(buckets, 0.5, max)),
    p90Ms: ms(quantileUs(buckets, 0.9, max)),
    p99Ms: ms(quantileUs(buckets, 0.99, max)),
    avgMs: calls ? Number(r.sum_us) / calls / 1000 : null,
  };
}

function tracesUrl(
  target: Target,
  service: string,
  operation: string | undefined,
  startMs: number,
  endMs: number,
): string {
  const q = new URLSearchParams({ service, start: String(startMs), end: String(endMs) });
  if (operation) q.set("operation", operation);
  return `${target.basePath}/traces?${q}`;
}

export async function apmTable(target: Target, q: ApmQuery, service?: string): Promise<ApmResult> {
  const { startMs, endMs } = windowOf(q);
  const first = Math.floor(startMs / 60_000);
  const last = Math.floor((endMs - 1) / 60_000);
  const stepMin = Math.max(1, Math.round((q.step ?? Math.max(60_000, ((last - first + 1) / 60) * 60_000)) / 60_000));
  // Checked before the nsId shortcut, so an empty namespace refuses the same requests.
  assertSteps(last - first + 1, stepMin);
  const window = { startMs: first * 60_000, endMs: (last + 1) * 60_000 };
  const result: ApmResult = { backend: "embedded", ...window, stepMs: stepMin * 60_000, rows: [] };
  if (target.nsId === null) return result;
  const seconds = (last - first + 1) * 60;
  const sql = STATEMENTS[service ? "operation" : "service"];
  const args = [target.nsId, first, last, ...(service ? [service] : [])];
  const [rows] = await getPool().query<RowDataPacket[]>(sql.totals, args);
  result.rows = rows.map((r): ApmRow => ({
    service: service ?? r.k,
    ...(service ? { operation: r.k } : {}),
    ...stats(r, seconds),
    traces: tracesUrl(target, service ?? r.k, service ? r.k : undefined, window.startMs, window.endMs),
  }));
  if (!q.series) return result;
  const [points] = await getPool().query<RowDataPacket[]>(sql.series, [first, stepMin, ...args]);
  const byKey = new Map<string, RowDataPacket[]>();
  for (const p of points) byKey.set(p.k, [...(byKey.get(p.k) ?? []), p]);
  const steps = Math.ceil((last - first + 1) / stepMin);
  for (const row of result.rows) {
    const mine = new Map((byKey.get(row.operation ?? row.service) ?? []).map((p) => [Number(p.b), p]));
    row.series = Array.from({ length: steps }, (_, b) => {
      const tMs = (first + b * stepMin) * 60_000;
      const p = mine.get(b);
      const empty = { calls: 0, rate: 0, errors: 0, errorRate: 0, p50Ms: null, p90Ms: null, p99Ms: null, avgMs: null };
      return { tMs, ...(p ? stats(p, stepMin * 60) : empty) };
    });
  }
  return result;
}
