import "server-only";
import type { RowDataPacket } from "mysql2";
import { getPool } from "@/lib/db/client";
import { joinSql, sqlText, type SqlText } from "@/lib/db/sql-text";
import type { LogSearchQuery, LogSearchResult } from "../schemas";
import { severityFloor } from "../severity";
import { logDto, LOG_SELECT } from "./log-dto";
import { type Target, windowOf } from "./target";

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Newest first. With a trace id and no window, every log of the trace, whenever it was written. */
export async function searchLogsEmbedded(target: Target, q: LogSearchQuery): Promise<LogSearchResult> {
  const windowed = !q.traceId || q.start !== undefined || q.end !== undefined;
  const window = windowed ? windowOf(q) : null; // checked even where nothing is stored yet
  if (target.nsId === null) return { backend: "embedded", logs: [] };
  const where = [sqlText`ns_id = ?`];
  const args: unknown[] = [target.nsId];
  const add = (cond: SqlText, ...values: unknown[]) => {
    where.push(cond);
    args.push(...values);
  };
  if (window) add(sqlText`time_us >= ? AND time_us <= ?`, window.startMs * 1000, window.endMs * 1000);
  if (q.traceId) add(sqlText`trace_id = ?`, Buffer.from(q.traceId, "hex"));
  if (q.spanId) add(sqlText`span_id = ?`, Buffer.from(q.spanId, "hex"));
  if (q.service) add(sqlText`service = ?`, q.service);
  if (q.pod) add(sqlText`pod = ?`, q.pod);
  if (q.severity) add(sqlText`severity_number >= ?`, severityFloor(q.severity));
  if (q.q) add(sqlText`body LIKE ?`, `%${likeEscape(q.q)}%`);
  const [rows] = await getPool().query<RowDataPacket[]>(
    sqlText`${LOG_SELECT} WHERE ${joinSql(where, " AND ")} ORDER BY time_us DESC LIMIT ?`.text,
    [...args, q.limit],
  );
  return { backend: "embedded", logs: rows.map((r) => logDto(r, target.namespace, target.basePath)) };
}
