import "server-only";
import type { RowDataPacket } from "mysql2";
import { sqlText } from "@/lib/db/sql-text";
import { SYSTEM_API } from "../client";
import { SPAN_KINDS, STATUS_CODES } from "../otlp/model";
import type { SpanDto } from "../schemas";
import type { EnvRef } from "./target";

export const SPAN_SELECT = sqlText`SELECT trace_id, span_id, parent_span_id, ns_id, resource_id, service, name, kind, start_us, duration_us, status_code, status_message, pod, attributes, events, links FROM telemetry_spans`;

const parse = (text: unknown) => (typeof text === "string" && text ? JSON.parse(text) : null);
const hex = (b: unknown) => (b instanceof Buffer ? b.toString("hex") : null);

/** A ±15 minute window around a moment, for the metrics of its pod and service. */
export function metricsLink(
  basePath: string | null,
  timeMs: number,
  service: string,
  pod: string | null,
): string | null {
  // Facet's own telemetry has spans and logs only: no metrics view to link to.
  if (!basePath || basePath === SYSTEM_API) return null;
  const q = new URLSearchParams({
    "match.service": service,
    start: String(Math.round(timeMs - 900_000)),
    end: String(Math.round(timeMs + 900_000)),
  });
  if (pod) q.set("match.pod", pod);
  return `${basePath}/metrics?${q}`;
}

/** A log line's trace: in its environment (whose cluster may serve traces from Jaeger), or
 *  across namespaces for Facet's own telemetry. */
export function traceLink(basePath: string | null, traceId: string): string {
  return !basePath || basePath === SYSTEM_API ? `/api/v1/traces/${traceId}` : `${basePath}/traces/${traceId}`;
}

export function spanDto(
  r: RowDataPacket,
  where: { namespace: string; env: EnvRef | null; basePath: string | null },
  resource: Record<string, unknown>,
): SpanDto {
  const traceId = hex(r.trace_id)!;
  const spanId = hex(r.span_id)!;
  const startMs = Number(r.start_us) / 1000;
  const events = (parse(r.events) ?? []) as { timeUs: number; name: string; attributes: Record<string, unknown> }[];
  return {
    traceId,
    spanId,
    parentSpanId: hex(r.parent_span_id),
    name: r.name,
    kind: SPAN_KINDS[r.kind] ?? "unspecified",
    service: r.service,
    namespace: where.namespace,
    environment: where.env,
    pod: r.pod ?? null,
    startMs,
    durationMs: Number(r.duration_us) / 1000,
    status: { code: STATUS_CODES[r.status_code] ?? "unset", message: r.status_message ?? "" },
    attributes: parse(r.attributes) ?? {},
    resource,
    events: events.map((e) => ({ timeMs: e.timeUs / 1000, name: e.name, attributes: e.attributes })),
    links: parse(r.links) ?? [],
    related: {
      logs: where.basePath ? `${where.basePath}/logs?traceId=${traceId}&spanId=${spanId}` : null,
      metrics: metricsLink(where.basePath, startMs, r.service, r.pod ?? null),
    },
  };
}
