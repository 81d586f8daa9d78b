import "server-only";
import { AppError } from "@/lib/errors";
import { metricsLink } from "../query/span-dto";
import { type Target, windowOf } from "../query/target";
import { sameTenantNamespaces } from "../query/visibility";
import type { SpanDto, TraceDetail, TraceSearchQuery, TraceSearchResult, TraceSummary } from "../schemas";
import { getJson, type BackendConfig } from "./http";

// Jaeger query API (/api/traces). Jaeger has no namespaces: the search asks for the
// namespace tag, and only spans whose process carries the environment's namespace are shown.

interface KV {
  key: string;
  type: string;
  value: unknown;
}
interface JSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references?: { refType: string; traceID: string; spanID: string }[];
  startTime: number;
  duration: number;
  tags?: KV[];
  logs?: { timestamp: number; fields: KV[] }[];
  processID: string;
}
interface JTrace {
  traceID: string;
  spans: JSpan[];
  processes: Record<string, { serviceName: string; tags?: KV[] }>;
}
interface Envelope {
  data: JTrace[] | null;
  errors?: { code?: number; msg: string }[] | null;
}

const kv = (list: KV[] | undefined) => Object.fromEntries((list ?? []).map((t) => [t.key, t.value]));
const NAMESPACE_TAGS = ["k8s.namespace.name", "namespace"];

function inNamespace(trace: JTrace, span: JSpan, namespace: string): boolean {
  const tags = kv(trace.processes[span.processID]?.tags);
  return NAMESPACE_TAGS.some((k) => tags[k] === namespace);
}

const parentOf = (s: JSpan) => s.references?.find((r) => r.refType === "CHILD_OF")?.spanID ?? null;

function summary(trace: JTrace, spans: JSpan[]): TraceSummary {
  const root = spans.find((s) => !parentOf(s)) ?? [...spans].sort((a, b) => a.startTime - b.startTime)[0];
  const start = Math.min(...spans.map((s) => s.startTime));
  const end = Math.max(...spans.map((s) => s.startTime + s.duration));
  return {
    traceId: trace.traceID.toLowerCase().padStart(32, "0"),
    rootService: trace.processes[root.processID]?.serviceName ?? "",
    rootName: root.operationName,
    startMs: start / 1000,
    durationMs: (end - start) / 1000,
    spanCount: spans.length,
    errorCount: spans.filter((s) => kv(s.tags).error === true).length,
    services: [...new Set(spans.map((s) => trace.processes[s.processID]?.serviceName ?? ""))].sort(),
  };
}

export async function searchJaeger(b: BackendConfig, target: Target, q: TraceSearchQuery): Promise<TraceSearchResult> {
  if (!q.service)
    throw new AppError("VALIDATION", "Jaeger searches need a service.", {
      errors: [{ path: "query.service", message: "Choose a service." }],
    });
  const { startMs, endMs } = windowOf(q);
  const tags: Record<string, string> = { "k8s.namespace.name": target.namespace };
  for (const [k, v] of Object.entries(q)) if (k.startsWith("attr.") && typeof v === "string") tags[k.slice(5)] = v;
  if (q.status === "error") tags.error = "true";
  const res = await getJson<Envelope>(b, "api/traces", {
    service: q.service,
    operation: q.operation,
    tags: JSON.stringify(tags),
    start: String(Math.floor(startMs * 1000)),
    end: String(Math.ceil(endMs * 1000)),
    minDuration: q.minDuration !== undefined ? `${q.minDuration}ms` : undefined,
    maxDuration: q.maxDuration !== undefined ? `${q.maxDuration}ms` : undefined,
    limit: String(q.limit),
  });
  const traces = (res.data ?? []).flatMap((t) => {
    const mine = t.spans.filter((s) => inNamespace(t, s, target.namespace));
    return mine.length ? [summary(t, mine)] : [];
  });
  return { backend: "jaeger", traces };
}

function spanDto(t: JTrace, s: JSpan, target: Target): SpanDto {
  const tags = kv(s.tags);
  const process = t.processes[s.processID];
  const resource = kv(process?.tags);
  const kind = String(tags["span.kind"] ?? "unspecified") as SpanDto["kind"];
  const traceId = t.traceID.toLowerCase().padStart(32, "0");
  const spanId = s.spanID.toLowerCase().padStart(16, "0");
  const pod = typeof resource["k8s.pod.name"] === "string" ? (resource["k8s.pod.name"] as string) : null;
  const service = process?.serviceName ?? "";
  return {
    traceId,
    spanId,
    parentSpanId: parentOf(s)?.toLowerCase().padStart(16, "0") ?? null,
    name: s.operationName,
    kind: ["internal", "server", "client", "producer", "consumer"].includes(kind) ? kind : "unspecified",
    service,
    namespace: target.namespace,
    environment: target.env,
    pod,
    startMs: s.startTime / 1000,
    durationMs: s.duration / 1000,
    status: {
      code: tags.error === true ? "error" : tags["otel.status_code"] === "OK" ? "ok" : "unset",
      message: String(tags["otel.status_description"] ?? ""),
    },
    attributes: tags,
    resource,
    events: (s.logs ?? []).map((l) => {
      const fields = kv(l.fields);
      return { timeMs: l.timestamp / 1000, name: String(fields.event ?? "log"), attributes: fields };
    }),
    links: (s.references ?? [])
      .filter((r) => r.refType === "FOLLOWS_FROM")
      .map((r) => ({ traceId: r.traceID, spanId: r.spanID, attributes: {} })),
    related: {
      logs: `${target.basePath}/logs?traceId=${traceId}&spanId=${spanId}`,
      metrics: metricsLink(target.basePath, s.startTime / 1000, service, pod),
    },
  };
}

export async function traceFromJaeger(b: BackendConfig, target: Target, traceId: string): Promise<TraceDetail> {
  const res = await getJson<Envelope | null>(b, `api/traces/${traceId}`, {}, { notFoundAsNull: true });
  const trace = res?.data?.[0];
  if (!trace) throw new AppError("NOT_FOUND", "The trace does not exist.");
  const mine = trace.spans.filter((s) => inNamespace(trace, s, target.namespace));
  if (!mine.length) throw new AppError("NOT_FOUND", "The trace does not exist.");
  const spans = mine.map((s) => spanDto(trace, s, target)).sort((a, b2) => a.startMs - b2.startMs);
  const start = Math.min(...spans.map((s) => s.startMs));
  // Only spans of the same tenant's environments count as hidden; others' are not mentioned.
  const namespaceOf = (s: JSpan) =>
    NAMESPACE_TAGS.map((k) => kv(trace.processes[s.processID]?.tags)[k]).find(
      (v): v is string => typeof v === "string",
    ) ?? null;
  const others = trace.spans.filter((s) => !mine.includes(s));
  const countable = await sameTenantNamespaces(target.clusterId, target.namespace, [
    ...new Set(others.map(namespaceOf).filter((n): n is string => n !== null)),
  ]);
  return {
    backend: "jaeger",
    traceId,
    startMs: start,
    durationMs: Math.max(...spans.map((s) => s.startMs + s.durationMs)) - start,
    services: [...new Set(spans.map((s) => s.service))].sort(),
    spans,
    hiddenSpans: others.filter((s) => countable.has(namespaceOf(s) ?? "")).length,
    related: { logs: `${target.basePath}/logs?traceId=${traceId}` },
  };
}
