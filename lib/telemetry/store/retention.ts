import "server-only";
import { peekProcessSingleton, processSingleton } from "@/lib/cache";
import type { ResultSetHeader, RowDataPacket } from "mysql2";
import { getPool } from "@/lib/db/client";
import { sqlText, type SqlText } from "@/lib/db/sql-text";
import { leadWhileHeld } from "@/lib/db/leadership";
import { logger } from "@/lib/observability/logger";
import { schedulePurgeOfDeleted, watchDeletedEnvironments } from "./purge-deleted";

export const retentionDays = () => {
  const n = Number(process.env.FACET_TELEMETRY_RETENTION_DAYS);
  return Number.isFinite(n) && n > 0 ? n : 7;
};

const CHUNK = 10_000;

/** Deletes in chunks, so a purge never holds long locks against ingest. */
async function deleteChunks(sql: SqlText, args: unknown[]): Promise<number> {
  let total = 0;
  for (;;) {
    const [result] = await getPool().query<ResultSetHeader>(sqlText`${sql} LIMIT ?`.text, [...args, CHUNK]);
    total += result.affectedRows;
    if (result.affectedRows < CHUNK) return total;
  }
}

export interface PurgeResult {
  spans: number;
  logs: number;
  points: number;
  rollups: number;
}

/** Removes telemetry older than the retention period (FACET_TELEMETRY_RETENTION_DAYS, default 7). */
export async function purgeTelemetry(now = Date.now(), days = retentionDays()): Promise<PurgeResult> {
  const cutoffMs = now - days * 24 * 3600_000;
  const [namespaces] = await getPool().query<RowDataPacket[]>("SELECT id FROM telemetry_namespaces");
  const out: PurgeResult = { spans: 0, logs: 0, points: 0, rollups: 0 };
  // Per namespace, so each DELETE walks the (ns_id, time) index instead of the table.
  for (const { id } of namespaces) {
    out.spans += await deleteChunks(sqlText`DELETE FROM telemetry_spans WHERE ns_id = ? AND start_us < ?`, [
      id,
      cutoffMs * 1000,
    ]);
    out.logs += await deleteChunks(sqlText`DELETE FROM telemetry_logs WHERE ns_id = ? AND time_us < ?`, [
      id,
      cutoffMs * 1000,
    ]);
    out.rollups += await deleteChunks(sqlText`DELETE FROM telemetry_apm_rollups WHERE ns_id = ? AND minute < ?`, [
      id,
      Math.floor(cutoffMs / 60_000),
    ]);
  }
  out.points = await deleteChunks(sqlText`DELETE FROM telemetry_metric_points WHERE time_ms < ?`, [cutoffMs]);
  return out;
}

/** Starts the hourly purge once per process (from the first export received), and the purge of
 *  deleted environments' telemetry after each delete. */
export function startRetention(): void {
  watchDeletedEnvironments();
  if (peekProcessSingleton("telemetry-retention") || process.env.FACET_TELEMETRY_RETENTION === "off") return;
  const run = () =>
    schedulePurgeOfDeleted()
      .then(() => purgeTelemetry())
      .then((r) => logger.info({ purged: r }, "telemetry retention purge"))
      .catch((error) => logger.warn({ err: error }, "telemetry retention purge failed"));
  // The hourly purge runs in one replica at a time: the one holding the leadership.
  let timer: NodeJS.Timeout | undefined;
  const leadership = leadWhileHeld("telemetry-retention", {
    start: () => (timer = setInterval(run, 3600_000).unref()),
    stop: () => clearInterval(timer),
  });
  processSingleton("telemetry-retention", () => leadership);
}
