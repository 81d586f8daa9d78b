import "server-only";
import { processSingleton } from "@/lib/cache";
import type { ResultSetHeader, RowDataPacket } from "mysql2";
import { getPool } from "@/lib/db/client";
import { sqlText, type SqlText } from "@/lib/db/sql-text";
import { onChange } from "@/lib/events";
import { logger } from "@/lib/observability/logger";
import { forgetIngestToken } from "../ingest/token-auth";
import { forgetNamespaceOwners } from "../ingest/owner";
import { forgetEnvironmentNamespaces } from "./dictionary";

// Telemetry of a deleted environment is sealed by the delete itself (its identity row points at
// an environment that no longer exists, which no query reads); this removes the rows, in
// chunks so that ingest never waits long on a lock.

const CHUNK = 5_000;

async function deleteChunks(sql: SqlText, args: unknown[]): Promise<number> {
  let total = 0;
  for (;;) {
    const [result] = await getPool().query<ResultSetHeader>(sqlText`${sql} LIMIT ?`.text, [...args, CHUNK]);
    total += result.affectedRows;
    if (result.affectedRows < CHUNK) return total;
  }
}

/** Metric points go by series id (they carry no namespace), a chunk of series at a time. */
async function deleteSeries(nsId: number): Promise<number> {
  let total = 0;
  for (;;) {
    const [rows] = await getPool().query<RowDataPacket[]>(
      "SELECT id FROM telemetry_metric_series WHERE ns_id = ? LIMIT 500",
      [nsId],
    );
    if (!rows.length) return total;
    const ids = rows.map((r) => Number(r.id));
    total += await deleteChunks(sqlText`DELETE FROM telemetry_metric_points WHERE series_id IN (?)`, [ids]);
    await getPool().query("DELETE FROM telemetry_metric_series WHERE id IN (?)", [ids]);
  }
}

export interface DeletedPurge {
  identities: number;
  spans: number;
  logs: number;
  points: number;
  rollups: number;
}

/** Removes every telemetry row of environments that no longer exist. Safe to run at any time. */
export async function purgeDeletedEnvironments(): Promise<DeletedPurge> {
  const [sealed] = await getPool().query<RowDataPacket[]>(
    "SELECT n.id, n.environment_id FROM telemetry_namespaces n LEFT JOIN environments e ON e.id = n.environment_id WHERE n.environment_id <> 0 AND e.id IS NULL",
  );
  const out: DeletedPurge = { identities: sealed.length, spans: 0, logs: 0, points: 0, rollups: 0 };
  if (!sealed.length) return out;
  // Writers holding a cached id of these environments would recreate what is removed here.
  forgetEnvironmentNamespaces(sealed.map((r) => Number(r.environment_id)));
  forgetNamespaceOwners();
  forgetIngestToken();
  for (const row of sealed) {
    const id = Number(row.id);
    out.spans += await deleteChunks(sqlText`DELETE FROM telemetry_spans WHERE ns_id = ?`, [id]);
    out.logs += await deleteChunks(sqlText`DELETE FROM telemetry_logs WHERE ns_id = ?`, [id]);
    out.rollups += await deleteChunks(sqlText`DELETE FROM telemetry_apm_rollups WHERE ns_id = ?`, [id]);
    out.points += await deleteSeries(id);
    await deleteChunks(sqlText`DELETE FROM telemetry_resources WHERE ns_id = ?`, [id]);
    await getPool().query("DELETE FROM telemetry_namespaces WHERE id = ?", [id]);
  }
  return out;
}

/** Runs the purge now, or once more after the one in progress (deletes that land meanwhile). */
export function schedulePurgeOfDeleted(): Promise<unknown> {
  const state = processSingleton("telemetry-deleted-purge", () => ({
    running: null as Promise<unknown> | null,
    again: false,
  }));
  if (state.running) {
    state.again = true;
    return state.running;
  }
  const run = async (): Promise<void> => {
    try {
      do {
        state.again = false;
        const result = await purgeDeletedEnvironments();
        if (result.identities) logger.info({ purged: result }, "telemetry of deleted environments purged");
      } while (state.again);
    } catch (error) {
      logger.warn({ err: error }, "purging telemetry of deleted environments failed");
    } finally {
      state.running = null;
    }
  };
  state.running = run();
  return state.running;
}

/** After every committed delete of environments (a "cleanup" change), purge their telemetry. */
export function watchDeletedEnvironments(): void {
  processSingleton("telemetry-deleted-purge.watch", () =>
    onChange((event) => {
      if (event.type === "cleanup") void schedulePurgeOfDeleted();
    }),
  );
}
