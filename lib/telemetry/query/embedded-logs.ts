import "server-only";
import type { RowDataPacket } from "mysql2";
import { getPool } from "@/lib/db/client";
import type { LogSearchQuery, LogSearchResult } from "../schemas";
import { severityFloor } from "../severity";
import { logDto, LOG_SELECT } from "./log-dto";
import { type Target, windowOf } from "./target";

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Newest first. With a trace id and no window, every log of the trace, whenever it was written. */
export async function searchLogsEmbedded(target: Target, q: LogSearchQuery): Promise<LogSearchResult> {
  if (target.nsId === null) return { backend: "embedded", logs: [] };
  const where = ["ns_id = ?"];
  const args: unknown[] = [target.nsId];
  const add = (cond: string, ...values: unknown[]) => {
    where.push(cond);
    args.push(...values);
  };
  if (!q.traceId || q.start !== undefined || q.end !== undefined) {
    const { startMs, endMs } = windowOf(q);
    add("time_us >= ? AND time_us <= ?", startMs * 1000, endMs * 1000);
  }
  if (q.traceId) add("trace_id = ?", Buffer.from(q.traceId, "hex"));
  if (q.spanId) add("span_id = ?", Buffer.from(q.spanId, "hex"));
  if (q.service) add("service = ?", q.service);
  if (q.pod) add("pod = ?", q.pod);
  if (q.severity) add("severity_number >= ?", severityFloor(q.severity));
  if (q.q) add("body LIKE ?", `%${likeEscape(q.q)}%`);
  const [rows] = await getPool().query<RowDataPacket[]>(`${LOG_SELECT} WHERE ${where.join(" AND ")} ORDER BY time_us DESC LIMIT ${q.limit}`, args);
  return { backend: "embedded", logs: rows.map((r) => logDto(r, target.namespace, target.basePath)) };
}
