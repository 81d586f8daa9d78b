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

export const probeJob = (name: string) => `probe/${name}`;

/**
 * Share of successful runs over the last 24 h and 7 d per probe name: from Prometheus when the
 * cluster's metrics live there, else from the hourly run counts Facet writes with each batch of
 * points (the window starts on an hour boundary: 23–24 h, 167–168 h).
 */
export async function uptimeByName(
  loc: ProbeLocation,
  names: string[],
  nowMs = Date.now(),
): Promise<Map<string, Uptime>> {
  const out = new Map<string, Uptime>();
  if (!names.length) return out;
  const prometheus = await backendFor(loc.clusterId, "prometheus");
  if (prometheus) return uptimeFromPrometheus(prometheus, loc, names, nowMs);
  const hour = Math.floor(nowMs / 3600_000);
  const [rows] = await getPool().query<RowDataPacket[]>(
    `SELECT p.name,
            SUM(CASE WHEN h.hour >= ? THEN h.ok END) AS ok24, SUM(CASE WHEN h.hour >= ? THEN h.runs END) AS runs24,
            SUM(h.ok) AS ok7, SUM(h.runs) AS runs7
       FROM probes p
       JOIN probe_uptime_hours h ON h.probe_id = p.id AND h.hour >= ?
      WHERE p.environment_id = ? AND p.name IN (?)
      GROUP BY p.name`,
    [hour - 23, hour - 23, hour - 167, loc.environmentId, names],
  );
  // Divided here: SQL's DECIMAL division would round to four places.
  const share = (ok: unknown, runs: unknown) => (Number(runs) > 0 ? Number(ok) / Number(runs) : null);
  for (const r of rows)
    out.set(String(r.name), { uptime24h: share(r.ok24, r.runs24), uptime7d: share(r.ok7, r.runs7) });
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
