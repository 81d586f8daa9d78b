import "server-only";
import type { RowDataPacket } from "mysql2";
import { getPool } from "@/lib/db/client";
import type { LogSearchQuery, LogSearchResult } from "../schemas";
import { severityFloor } from "../severity";
import { logDto } from "./log-dto";
import { type Target, windowOf } from "./target";

// One constant statement: a filter the request leaves out is bound as NULL, and `? IS NULL`
// folds away before planning (mysql2 sends the values inline), so the indexes still serve.
const SEARCH_LOGS = `SELECT time_us, ns_id, service, pod, severity_number, severity_text, body, trace_id, span_id, attributes FROM telemetry_logs
  WHERE ns_id = ? AND (? IS NULL OR time_us >= ?) AND (? IS NULL OR time_us <= ?)
  AND (? IS NULL OR trace_id = ?) AND (? IS NULL OR span_id = ?) AND (? IS NULL OR service = ?) AND (? IS NULL OR pod = ?)
  AND (? IS NULL OR severity_number >= ?) AND (? IS NULL OR body LIKE ?)
  ORDER BY time_us DESC LIMIT ?`;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Newest first. With a trace id and no window, every log of the trace, whenever it was written. */
export async function searchLogsEmbedded(target: Target, q: LogSearchQuery): Promise<LogSearchResult> {
  const windowed = !q.traceId || q.start !== undefined || q.end !== undefined;
  const window = windowed ? windowOf(q) : null; // checked even where nothing is stored yet
  if (target.nsId === null) return { backend: "embedded", logs: [] };
  // In the statement's order; each is bound twice (`? IS NULL OR column … ?`).
  const filters = [
    window ? window.startMs * 1000 : null,
    window ? window.endMs * 1000 : null,
    q.traceId ? Buffer.from(q.traceId, "hex") : null,
    q.spanId ? Buffer.from(q.spanId, "hex") : null,
    q.service ?? null,
    q.pod ?? null,
    q.severity ? severityFloor(q.severity) : null,
    q.q ? `%${likeEscape(q.q)}%` : null,
  ];
  const [rows] = await getPool().query<RowDataPacket[]>(SEARCH_LOGS, [
    target.nsId,
    ...filters.flatMap((v) => [v, v]),
    q.limit,
  ]);
  return { backend: "embedded", logs: rows.map((r) => logDto(r, target.namespace, target.basePath)) };
}
