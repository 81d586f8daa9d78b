import "server-only";
import { metricsLink, traceLink } from "../query/span-dto";
import { type Target, windowOf } from "../query/target";
import type { LogDto, LogSearchQuery, LogSearchResult } from "../schemas";
import { severityFloor, severityFromText, SEVERITIES } from "../severity";
import { getJson, labelName, quote, type BackendConfig } from "./http";

// Loki HTTP API (/loki/api/v1/query_range). The stream selector always carries the
// environment's namespace; service and pod are the `service_name` and `pod` labels.

interface Stream {
  stream: Record<string, string>;
  values: ([string, string] | [string, string, Record<string, string>])[];
}

export function logql(b: BackendConfig, target: Target, q: LogSearchQuery): string {
  const labels = [`${labelName(b.namespaceLabel)}=${quote(target.namespace)}`];
  if (q.service) labels.push(`service_name=${quote(q.service)}`);
  if (q.pod) labels.push(`pod=${quote(q.pod)}`);
  let expr = `{${labels.join(", ")}}`;
  if (q.traceId) expr += ` |= ${quote(q.traceId)}`;
  if (q.spanId) expr += ` |= ${quote(q.spanId)}`;
  if (q.q) expr += ` |= ${quote(q.q)}`;
  // Loki has no severity field of its own; match the level words at or above the one asked.
  if (q.severity) expr += ` |~ ${quote(`(?i)\\b(${SEVERITIES.slice(SEVERITIES.indexOf(q.severity)).join("|")})\\b`)}`;
  return expr;
}

function fromLine(line: string): Record<string, unknown> {
  if (!line.startsWith("{")) return {};
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function toLog(target: Target, stream: Record<string, string>, [ns, line, meta]: Stream["values"][number]): LogDto {
  const parsed = fromLine(line);
  const pick = (...keys: string[]) =>
    keys.map((k) => meta?.[k] ?? parsed[k]).find((v) => typeof v === "string" && v !== "") as string | undefined;
  const traceId = pick("trace_id", "traceId", "traceid")?.toLowerCase() ?? null;
  const level = pick("detected_level", "level", "severity") ?? stream.level ?? stream.detected_level ?? "";
  const timeMs = Number(ns.slice(0, -3)) / 1000;
  const service = stream.service_name ?? stream.app ?? stream.job ?? "";
  const pod = stream.pod ?? null;
  return {
    timeMs,
    severity: level || "unspecified",
    severityNumber: severityFromText(level),
    body: line,
    traceId,
    spanId: pick("span_id", "spanId", "spanid")?.toLowerCase() ?? null,
    service,
    namespace: target.namespace,
    pod,
    attributes: { ...stream, ...(meta ?? {}) },
    related: {
      trace: traceId ? traceLink(target.basePath, traceId) : null,
      metrics: metricsLink(target.basePath, timeMs, service, pod),
    },
  };
}

export async function searchLoki(b: BackendConfig, target: Target, q: LogSearchQuery): Promise<LogSearchResult> {
  const { startMs, endMs } = windowOf(q);
  const res = await getJson<{ status: string; data: { resultType: string; result: Stream[] } }>(
    b,
    "loki/api/v1/query_range",
    {
      query: logql(b, target, q),
      start: `${Math.floor(startMs)}000000`,
      end: `${Math.ceil(endMs)}000000`,
      limit: String(q.limit),
      direction: "backward",
    },
  );
  const logs = res.data.result
    .flatMap((s) => s.values.map((v) => toLog(target, s.stream, v)))
    .filter((l) => !q.severity || !l.severityNumber || l.severityNumber >= severityFloor(q.severity));
  logs.sort((a, b2) => b2.timeMs - a.timeMs);
  return { backend: "loki", logs: logs.slice(0, q.limit) };
}
