import "server-only";
import type { RowDataPacket } from "mysql2";
import { getPool } from "@/lib/db/client";
import { jsonMemberPath, joinSql, sqlIdentifier, sqlText, type SqlText } from "@/lib/db/sql-text";
import { AppError } from "@/lib/errors";
import type { TraceSearchQuery, TraceSearchResult, TraceSummary } from "../schemas";
import { type Target, windowOf } from "./target";

/** Attributes promoted to indexed columns at ingest. */
const PROMOTED = ["user_id", "http_route", "http_status"] as const;
const COLUMNS: Record<string, { column: (typeof PROMOTED)[number]; numeric?: boolean }> = {
  "user.id": { column: "user_id" },
  "enduser.id": { column: "user_id" },
  "http.route": { column: "http_route" },
  "http.response.status_code": { column: "http_status", numeric: true },
  "http.status_code": { column: "http_status", numeric: true },
};
const STATUS = { unset: 0, ok: 1, error: 2 } as const;

export function attributeFilters(q: Record<string, unknown>, prefix = "attr."): { sql: SqlText[]; args: unknown[] } {
  const sql: SqlText[] = [];
  const args: unknown[] = [];
  for (const [key, value] of Object.entries(q)) {
    if (!key.startsWith(prefix) || typeof value !== "string") continue;
    const attr = key.slice(prefix.length);
    const path = jsonMemberPath(attr);
    if (!path)
      throw new AppError("VALIDATION", "An attr.<name> key names no usable attribute.", {
        errors: [
          {
            path: "query.attr",
            message:
              "Attribute names are letters, digits, '_', '.', ':', '/' and '-', starting with a letter or '_' (at most 128).",
          },
        ],
      });
    const promoted = Object.hasOwn(COLUMNS, attr) ? COLUMNS[attr] : undefined;
    if (promoted) {
      sql.push(sqlText`${sqlIdentifier(promoted.column, PROMOTED)} = ?`);
      args.push(promoted.numeric ? Number(value) : value);
    } else {
      sql.push(sqlText`JSON_UNQUOTE(JSON_EXTRACT(attributes, ?)) = ?`);
      args.push(path, value);
    }
  }
  return { sql, args };
}

/** Trace ids of matching spans, newest first, paging the span index until `limit` traces. */
async function matchingTraceIds(target: Target, q: TraceSearchQuery): Promise<Buffer[]> {
  const { startMs, endMs } = windowOf(q);
  const where = [sqlText`ns_id = ?`, sqlText`start_us >= ?`, sqlText`start_us <= ?`];
  const args: unknown[] = [target.nsId, startMs * 1000, endMs * 1000];
  const add = (cond: SqlText, ...values: unknown[]) => {
    where.push(cond);
    args.push(...values);
  };
  if (q.service) add(sqlText`service = ?`, q.service);
  if (q.operation) add(sqlText`name = ?`, q.operation);
  if (q.minDuration !== undefined) add(sqlText`duration_us >= ?`, Math.round(q.minDuration * 1000));
  if (q.maxDuration !== undefined) add(sqlText`duration_us <= ?`, Math.round(q.maxDuration * 1000));
  if (q.status) add(sqlText`status_code = ?`, STATUS[q.status]);
  const attrs = attributeFilters(q);
  where.push(...attrs.sql);
  args.push(...attrs.args);

  const seen = new Map<string, Buffer>();
  const page = q.limit * 10;
  let before = endMs * 1000 + 1;
  for (let round = 0; round < 5 && seen.size < q.limit; round++) {
    const [rows] = await getPool().query<RowDataPacket[]>(
      sqlText`SELECT trace_id, start_us FROM telemetry_spans WHERE ${joinSql(where, " AND ")} AND start_us < ? ORDER BY start_us DESC LIMIT ?`
        .text,
      [...args, before, page],
    );
    for (const r of rows) {
      const key = (r.trace_id as Buffer).toString("hex");
      if (!seen.has(key) && seen.size < q.limit) seen.set(key, r.trace_id);
    }
    if (rows.length < page) break;
    before = Number(rows[rows.length - 1].start_us);
  }
  return [...seen.values()];
}

/** Summaries of traces as seen from one namespace (its spans only). */
export async function traceSummaries(nsIds: number[], traceIds: Buffer[]): Promise<TraceSummary[]> {
  if (!traceIds.length || !nsIds.length) return [];
  const [rows] = await getPool().query<RowDataPacket[]>(
    `SELECT trace_id, COUNT(*) n, MIN(start_us) s, MAX(start_us + duration_us) e, SUM(status_code = 2) errors, GROUP_CONCAT(DISTINCT service ORDER BY service SEPARATOR '\\n') services,
            SUBSTRING_INDEX(GROUP_CONCAT(CONCAT(IF(parent_span_id IS NULL, '0', '1'), LPAD(start_us, 20, '0'), service, '\\t', name) ORDER BY parent_span_id IS NOT NULL, start_us SEPARATOR '\\n'), '\\n', 1) root
       FROM telemetry_spans WHERE trace_id IN (?) AND ns_id IN (?) GROUP BY trace_id`,
    [traceIds, nsIds],
  );
  const byId = new Map(rows.map((r) => [(r.trace_id as Buffer).toString("hex"), r]));
  return traceIds.flatMap((id) => {
    const r = byId.get(id.toString("hex"));
    if (!r) return [];
    const [rootService, rootName] = String(r.root).slice(21).split("\t");
    return [
      {
        traceId: id.toString("hex"),
        rootService,
        rootName: rootName ?? "",
        startMs: Number(r.s) / 1000,
        durationMs: (Number(r.e) - Number(r.s)) / 1000,
        spanCount: Number(r.n),
        errorCount: Number(r.errors),
        services: String(r.services).split("\n"),
      },
    ];
  });
}

export async function searchTracesEmbedded(target: Target, q: TraceSearchQuery): Promise<TraceSearchResult> {
  windowOf(q); // an empty namespace refuses the same windows
  if (target.nsId === null) return { backend: "embedded", traces: [] };
  const ids = await matchingTraceIds(target, q);
  return { backend: "embedded", traces: await traceSummaries([target.nsId], ids) };
}
