import "server-only";
import type { RowDataPacket } from "mysql2";
import { getPool } from "@/lib/db/client";
import { jsonMemberPath } from "@/lib/db/sql-text";
import { AppError } from "@/lib/errors";
import type { TraceSearchQuery, TraceSearchResult, TraceSummary } from "../schemas";
import { type Target, windowOf } from "./target";

/** Attributes promoted to indexed columns at ingest. */
const COLUMNS: Record<string, { column: "userId" | "httpRoute" | "httpStatus"; numeric?: boolean }> = {
  "user.id": { column: "userId" },
  "enduser.id": { column: "userId" },
  "http.route": { column: "httpRoute" },
  "http.response.status_code": { column: "httpStatus", numeric: true },
  "http.status_code": { column: "httpStatus", numeric: true },
};
const STATUS = { unset: 0, ok: 1, error: 2 } as const;

/** At most this many `attr.<name>` filters on attributes that are not promoted columns. */
export const MAX_ATTRIBUTE_FILTERS = 8;

// One constant statement, as the log search: a filter left out is bound as NULL and `? IS NULL`
// folds away before planning, so the (ns_id, service, start_us) index still serves. Each of the
// MAX_ATTRIBUTE_FILTERS attribute slots binds its JSON path as a value, never as text.
const MATCHING_SPANS = `SELECT trace_id, start_us FROM telemetry_spans
  WHERE ns_id = ? AND start_us >= ? AND start_us <= ? AND start_us < ?
  AND (? IS NULL OR service = ?) AND (? IS NULL OR name = ?)
  AND (? IS NULL OR duration_us >= ?) AND (? IS NULL OR duration_us <= ?) AND (? IS NULL OR status_code = ?)
  AND (? IS NULL OR user_id = ?) AND (? IS NULL OR http_route = ?) AND (? IS NULL OR http_status = ?)
  AND (? IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(attributes, ?)) = ?)
  AND (? IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(attributes, ?)) = ?)
  AND (? IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(attributes, ?)) = ?)
  AND (? IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(attributes, ?)) = ?)
  AND (? IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(attributes, ?)) = ?)
  AND (? IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(attributes, ?)) = ?)
  AND (? IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(attributes, ?)) = ?)
  AND (? IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(attributes, ?)) = ?)
  ORDER BY start_us DESC LIMIT ?`;

const badAttribute = (message: string) =>
  new AppError("VALIDATION", "An attr.<name> key names no usable attribute.", {
    errors: [{ path: "query.attr", message }],
  });

interface SpanFilters {
  userId: string | null;
  httpRoute: string | null;
  httpStatus: number | null;
  /** [JSON path, value] of the attributes that are not columns. */
  json: [string, string][];
}

export function attributeFilters(q: Record<string, unknown>, prefix = "attr."): SpanFilters {
  const filters: SpanFilters = { userId: null, httpRoute: null, httpStatus: null, json: [] };
  for (const [key, value] of Object.entries(q)) {
    if (!key.startsWith(prefix) || typeof value !== "string") continue;
    const attr = key.slice(prefix.length);
    const path = jsonMemberPath(attr);
    if (!path)
      throw badAttribute(
        "Attribute names are letters, digits, '_', '.', ':', '/' and '-', starting with a letter or '_' (at most 128).",
      );
    const promoted = Object.hasOwn(COLUMNS, attr) ? COLUMNS[attr] : undefined;
    if (promoted?.column === "httpStatus") {
      if (!/^\d{3}$/.test(value)) throw badAttribute(`${attr} is a three-digit HTTP status code.`);
      filters.httpStatus = Number(value);
    } else if (promoted) filters[promoted.column] = value;
    else filters.json.push([path, value]);
  }
  if (filters.json.length > MAX_ATTRIBUTE_FILTERS)
    throw badAttribute(`At most ${MAX_ATTRIBUTE_FILTERS} attribute filters besides user, route and status.`);
  return filters;
}

/** The bound values of MATCHING_SPANS's optional filters, in its order (each `? IS NULL OR … ?` twice). */
function spanFilterValues(q: TraceSearchQuery): unknown[] {
  const attrs = attributeFilters(q);
  const single = [
    q.service ?? null,
    q.operation ?? null,
    q.minDuration !== undefined ? Math.round(q.minDuration * 1000) : null,
    q.maxDuration !== undefined ? Math.round(q.maxDuration * 1000) : null,
    q.status ? STATUS[q.status] : null,
    attrs.userId,
    attrs.httpRoute,
    attrs.httpStatus,
  ];
  const slots = Array.from({ length: MAX_ATTRIBUTE_FILTERS }, (_, i) => attrs.json[i] ?? [null, null]);
  return [...single.flatMap((v) => [v, v]), ...slots.flatMap(([path, value]) => [path, path, value])];
}

/** Trace ids of matching spans, newest first, paging the span index until `limit` traces. */
async function matchingTraceIds(target: Target, q: TraceSearchQuery): Promise<Buffer[]> {
  const { startMs, endMs } = windowOf(q);
  const filters = spanFilterValues(q);
  const seen = new Map<string, Buffer>();
  const page = q.limit * 10;
  let before = endMs * 1000 + 1;
  for (let round = 0; round < 5 && seen.size < q.limit; round++) {
    const [rows] = await getPool().query<RowDataPacket[]>(MATCHING_SPANS, [
      target.nsId,
      startMs * 1000,
      endMs * 1000,
      before,
      ...filters,
      page,
    ]);
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
