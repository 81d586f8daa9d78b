import "server-only";
import { sqlText } from "@/lib/db/sql-text";
import type { RowDataPacket } from "mysql2";
import type { LogDto } from "../schemas";
import { severityName } from "../severity";
import { metricsLink, traceLink } from "./span-dto";

export const LOG_SELECT = sqlText`SELECT time_us, ns_id, service, pod, severity_number, severity_text, body, trace_id, span_id, attributes FROM telemetry_logs`;

export function logDto(r: RowDataPacket, namespace: string, basePath: string | null): LogDto {
  const traceId = r.trace_id instanceof Buffer ? r.trace_id.toString("hex") : null;
  const timeMs = Number(r.time_us) / 1000;
  return {
    timeMs,
    severity: r.severity_text || severityName(r.severity_number),
    severityNumber: r.severity_number,
    body: r.body,
    traceId,
    spanId: r.span_id instanceof Buffer ? r.span_id.toString("hex") : null,
    service: r.service,
    namespace,
    pod: r.pod ?? null,
    attributes: r.attributes ? JSON.parse(r.attributes) : {},
    related: {
      trace: traceId ? traceLink(basePath, traceId) : null,
      metrics: metricsLink(basePath, timeMs, r.service, r.pod ?? null),
    },
  };
}
