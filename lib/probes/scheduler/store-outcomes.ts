import "server-only";
import type { ResultSetHeader } from "mysql2";
import { getPool } from "@/lib/db/client";
import { canonicalJson } from "@/lib/telemetry/ingest/resource";
import { namespaceId, seriesIds, type SeriesKey } from "@/lib/telemetry/store/dictionary";
import { queues } from "@/lib/telemetry/store/queues";
import { tsvLine } from "@/lib/telemetry/store/tsv";
import { probeJob } from "../uptime";
import type { ProbeOutcome } from "./probe-once";

// Exporter series that change with every run and say nothing over time.
const SKIPPED = new Set(["probe_ip_addr_hash"]);

/**
 * Writes a batch of runs: the probes' last_* columns in one UPDATE, failures in one INSERT, and
 * the metric points through the telemetry write queue (series = exporter metric, service =
 * probe/<name>, labels {job, instance, ...exporter labels}). A probe deleted meanwhile is skipped,
 * and so is a run of a target the probe no longer has.
 */
export async function storeOutcomes(outcomes: ProbeOutcome[]): Promise<void> {
  if (!outcomes.length) return;
  const pool = getPool();
  const rows = outcomes.map((o) => [
    o.job.id,
    o.job.target,
    o.startedMs,
    o.success ? 1 : 0,
    o.durationMs,
    o.statusCode,
    o.reason?.slice(0, 1024) ?? null,
    o.certExpiryMs,
  ]);
  // updated_at = updated_at: a run is not an edit of the probe's settings.
  await pool.query<ResultSetHeader>(
    `UPDATE probes p
       JOIN JSON_TABLE(?, '$[*]' COLUMNS (
              id BIGINT UNSIGNED PATH '$[0]', target VARCHAR(2048) PATH '$[1]', run_ms BIGINT UNSIGNED PATH '$[2]',
              ok TINYINT PATH '$[3]', dur INT UNSIGNED PATH '$[4]', code INT UNSIGNED PATH '$[5]',
              err VARCHAR(1024) PATH '$[6]', cert BIGINT UNSIGNED PATH '$[7]')) v
         ON p.id = v.id AND p.target = v.target
        SET p.last_run_ms = v.run_ms, p.last_success = v.ok, p.last_duration_ms = v.dur,
            p.last_status_code = v.code, p.last_error = v.err,
            p.last_cert_expiry_ms = COALESCE(v.cert, p.last_cert_expiry_ms), p.updated_at = p.updated_at`,
    [JSON.stringify(rows)],
  );
  const failed = outcomes.filter((o) => o.reason);
  if (failed.length)
    await pool.query(
      `INSERT INTO probe_failures (probe_id, time_ms, reason)
       SELECT p.id, v.time_ms, v.reason
         FROM JSON_TABLE(?, '$[*]' COLUMNS (
                id BIGINT UNSIGNED PATH '$[0]', time_ms BIGINT UNSIGNED PATH '$[1]', reason VARCHAR(1024) PATH '$[2]')) v
         JOIN probes p ON p.id = v.id`,
      [JSON.stringify(failed.map((o) => [o.job.id, o.startedMs, o.reason!.slice(0, 1024)]))],
    );
  const hours = new Map<string, [number, number, number, number]>();
  for (const o of outcomes) {
    const hour = Math.floor(o.startedMs / 3600_000);
    const cell = hours.get(`${o.job.id}/${hour}`) ?? [o.job.id, hour, 0, 0];
    cell[2]++;
    if (o.success) cell[3]++;
    hours.set(`${o.job.id}/${hour}`, cell);
  }
  await pool.query(
    `INSERT INTO probe_uptime_hours (probe_id, hour, runs, ok)
     SELECT p.id, v.hour, v.runs, v.ok
       FROM JSON_TABLE(?, '$[*]' COLUMNS (
              id BIGINT UNSIGNED PATH '$[0]', hour INT UNSIGNED PATH '$[1]', runs INT UNSIGNED PATH '$[2]',
              ok INT UNSIGNED PATH '$[3]')) v
       JOIN probes p ON p.id = v.id
     ON DUPLICATE KEY UPDATE runs = probe_uptime_hours.runs + VALUES(runs), ok = probe_uptime_hours.ok + VALUES(ok)`,
    [JSON.stringify([...hours.values()])],
  );
  await storePoints(outcomes);
}

async function storePoints(outcomes: ProbeOutcome[]): Promise<void> {
  const keys: SeriesKey[] = [];
  const points: { timeMs: number; value: number }[] = [];
  for (const o of outcomes) {
    const nsId = await namespaceId({
      clusterId: o.job.clusterId,
      namespace: o.job.namespace,
      environmentId: o.job.environmentId,
    });
    const job = probeJob(o.job.name);
    for (const s of o.samples) {
      if (!s.name.startsWith("probe_") || SKIPPED.has(s.name) || !Number.isFinite(s.value)) continue;
      keys.push({
        nsId,
        name: s.name,
        type: "gauge",
        temporality: 0,
        monotonic: false,
        unit: s.name.endsWith("_seconds") ? "s" : "",
        description: "",
        service: job,
        pod: null,
        labelsJson: canonicalJson({ ...s.labels, job, instance: o.job.target }),
        lastMs: o.startedMs,
      });
      points.push({ timeMs: o.startedMs, value: s.value });
    }
  }
  if (!keys.length) return;
  const ids = await seriesIds(keys);
  await queues().points.enqueue({ lines: points.map((p, i) => tsvLine([ids[i], p.timeMs, p.value, null, null])) });
}
