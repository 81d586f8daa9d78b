import "server-only";
import type { RowDataPacket } from "mysql2";
import type { Actor } from "@/lib/auth/actor";
import { getPool } from "@/lib/db/client";
import { sqlText } from "@/lib/db/sql-text";
import type { LogDto, TraceDetail } from "../schemas";
import { logDto, LOG_SELECT } from "./log-dto";
import { SPAN_SELECT, spanDto } from "./span-dto";
import { countsAsHidden, namespaceAccess, type NamespaceInfo } from "./visibility";
import { apiPath } from "@/lib/console/paths";

const MAX_SPANS = 5000;

/** The namespaces a trace touches, for authorizing the read before it is served. */
export async function traceNamespaces(actor: Actor, traceId: string): Promise<Map<number, NamespaceInfo>> {
  const [rows] = await getPool().query<RowDataPacket[]>(
    "SELECT DISTINCT ns_id FROM telemetry_spans WHERE trace_id = ?",
    [Buffer.from(traceId, "hex")],
  );
  return namespaceAccess(
    actor,
    rows.map((r) => Number(r.ns_id)),
  );
}

async function resources(ids: number[]): Promise<Map<number, Record<string, unknown>>> {
  if (!ids.length) return new Map();
  const [rows] = await getPool().query<RowDataPacket[]>(
    "SELECT id, attributes FROM telemetry_resources WHERE id IN (?)",
    [ids],
  );
  return new Map(rows.map((r) => [Number(r.id), JSON.parse(r.attributes)]));
}

/** The spans of a trace the actor may read, and how many others there are in its tenants. */
export async function traceDetail(access: Map<number, NamespaceInfo>, traceId: string): Promise<TraceDetail> {
  const [rows] = await getPool().query<RowDataPacket[]>(
    sqlText`${SPAN_SELECT} WHERE trace_id = ? ORDER BY start_us LIMIT ?`.text,
    [Buffer.from(traceId, "hex"), MAX_SPANS],
  );
  const visible = rows.filter((r) => access.get(Number(r.ns_id))?.readable);
  const res = await resources([...new Set(visible.map((r) => Number(r.resource_id)))]);
  const spans = visible.map((r) => {
    const a = access.get(Number(r.ns_id))!;
    return spanDto(
      r,
      { namespace: a.namespace, env: a.env, basePath: a.basePath },
      res.get(Number(r.resource_id)) ?? {},
    );
  });
  const startMs = spans.length ? Math.min(...spans.map((s) => s.startMs)) : 0;
  const endMs = spans.length ? Math.max(...spans.map((s) => s.startMs + s.durationMs)) : 0;
  return {
    backend: "embedded",
    traceId,
    startMs,
    durationMs: endMs - startMs,
    services: [...new Set(spans.map((s) => s.service))].sort(),
    spans,
    hiddenSpans: rows.filter((r) => countsAsHidden(access, Number(r.ns_id))).length,
    related: { logs: apiPath.traceLogs(traceId) },
  };
}

/** The logs of a trace (or of one span) across the namespaces the actor may read, and how many others there are in its tenants. */
export async function traceLogs(
  actor: Actor,
  traceId: string,
  spanId: string | undefined,
  limit: number,
): Promise<{ backend: "embedded"; logs: LogDto[]; hiddenLogs: number }> {
  const args: unknown[] = [Buffer.from(traceId, "hex")];
  if (spanId) args.push(Buffer.from(spanId, "hex"));
  const [rows] = await getPool().query<RowDataPacket[]>(
    (spanId
      ? sqlText`${LOG_SELECT} WHERE trace_id = ? AND span_id = ? ORDER BY time_us LIMIT ?`
      : sqlText`${LOG_SELECT} WHERE trace_id = ? ORDER BY time_us LIMIT ?`
    ).text,
    [...args, limit],
  );
  const access = await namespaceAccess(actor, [...new Set(rows.map((r) => Number(r.ns_id)))]);
  const visible = rows.filter((r) => access.get(Number(r.ns_id))?.readable);
  return {
    backend: "embedded",
    logs: visible.map((r) => {
      const a = access.get(Number(r.ns_id))!;
      return logDto(r, a.namespace, a.basePath);
    }),
    hiddenLogs: rows.filter((r) => countsAsHidden(access, Number(r.ns_id))).length,
  };
}
