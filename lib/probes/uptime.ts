import "server-only";
import type { RowDataPacket } from "mysql2";
import { getPool } from "@/lib/db/client";
import { labelName, quote } from "@/lib/telemetry/backends/http";
import { getJson } from "@/lib/telemetry/backends/http";
import { backendFor } from "@/lib/telemetry/backends/backend-for";
import type { ProbeLocation } from "./location";

export interface Uptime {
  uptime24h: number | null;
  uptime7d: number | null;
}

const DAY = 24 * 3600_000;
export const probeJob = (name: string) => `probe/${name}`;

/** Share of successful runs over 24 h and 7 d per probe name, from its probe_success points. */
export async function uptimeByName(
  loc: ProbeLocation,
  names: string[],
  nowMs = Date.now(),
): Promise<Map<string, Uptime>> {
  const out = new Map<string, Uptime>();
  if (!names.length) return out;
  const prometheus = await backendFor(loc.clusterId, "prometheus");
  if (prometheus) return uptimeFromPrometheus(prometheus, loc, names, nowMs);
  if (loc.nsId === null) return out;
  const [rows] = await getPool().query<RowDataPacket[]>(
    `SELECT s.service, AVG(CASE WHEN p.time_ms >= ? THEN p.value END) AS u24, AVG(p.value) AS u7
       FROM telemetry_metric_series s
       JOIN telemetry_metric_points p ON p.series_id = s.id AND p.time_ms >= ? AND p.time_ms <= ?
      WHERE s.ns_id = ? AND s.name = 'probe_success' AND s.service IN (?)
      GROUP BY s.service`,
    [nowMs - DAY, nowMs - 7 * DAY, nowMs, loc.nsId, names.map(probeJob)],
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  for (const r of rows) out.set(String(r.service).slice(6), { uptime24h: num(r.u24), uptime7d: num(r.u7) });
  return out;
}

interface Vector {
  data: { result: { metric: Record<string, string>; value: [number, string] }[] };
}

async function uptimeFromPrometheus(
  b: NonNullable<Awaited<ReturnType<typeof backendFor>>>,
  loc: ProbeLocation,
  names: string[],
  nowMs: number,
): Promise<Map<string, Uptime>> {
  const wanted = new Set(names.map(probeJob));
  const sel = `probe_success{${labelName(b.namespaceLabel)}=${quote(loc.namespace)}, job=~"probe/.+"}`;
  const at = String(nowMs / 1000);
  const [d1, d7] = await Promise.all(
    ["24h", "7d"].map((range) =>
      getJson<Vector>(b, "api/v1/query", { query: `avg by (job) (avg_over_time(${sel}[${range}]))`, time: at }),
    ),
  );
  const out = new Map<string, Uptime>();
  const put = (v: Vector, key: keyof Uptime) => {
    for (const r of v.data.result) {
      if (!wanted.has(r.metric.job)) continue;
      const name = r.metric.job.slice(6);
      const cur = out.get(name) ?? { uptime24h: null, uptime7d: null };
      cur[key] = Number(r.value[1]);
      out.set(name, cur);
    }
  };
  put(d1, "uptime24h");
  put(d7, "uptime7d");
  return out;
}
