import "server-only";
import type { HrTime } from "@opentelemetry/api";
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { ingestLogs } from "../ingest/ingest-logs";
import { ingestTraces } from "../ingest/ingest-traces";
import type { IngestPrincipal } from "../ingest/resource";
import type { Attributes, OtlpLogRecord, OtlpSpan, ResourceGroup } from "../otlp/model";
import { SYSTEM_CLUSTER_ID, SYSTEM_NAMESPACE } from "../store/dictionary";
import { severityFromText } from "../severity";

// Facet's own spans and log lines go to the same store, in the facet-system namespace,
// readable with telemetry.system.read.

export const SYSTEM_PRINCIPAL: IngestPrincipal = {
  tokenId: 0,
  clusterId: SYSTEM_CLUSTER_ID,
  pinnedNamespace: SYSTEM_NAMESPACE,
  environmentId: 0,
};

const ns = (t: HrTime) => t[0] * 1e9 + t[1];
const idBuffer = (hex: string | undefined) => (hex && !/^0+$/.test(hex) ? Buffer.from(hex, "hex") : null);

function toOtlp(span: ReadableSpan): OtlpSpan {
  const ctx = span.spanContext();
  return {
    traceId: Buffer.from(ctx.traceId, "hex"),
    spanId: Buffer.from(ctx.spanId, "hex"),
    parentSpanId: idBuffer(span.parentSpanContext?.spanId),
    name: span.name,
    kind: span.kind + 1,
    startNs: ns(span.startTime),
    endNs: ns(span.endTime),
    attributes: span.attributes as Attributes,
    events: span.events.map((e) => ({
      timeNs: ns(e.time),
      name: e.name,
      attributes: (e.attributes ?? {}) as Attributes,
    })),
    links: span.links.map((l) => ({
      traceId: l.context.traceId,
      spanId: l.context.spanId,
      attributes: (l.attributes ?? {}) as Attributes,
    })),
    statusCode: span.status.code,
    statusMessage: span.status.message ?? "",
  };
}

/** A span exporter that writes into Facet's store instead of sending anywhere. */
export class SystemSpanExporter implements SpanExporter {
  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    const groups = new Map<ReadableSpan["resource"], ResourceGroup<OtlpSpan>>();
    for (const span of spans) {
      const group = groups.get(span.resource) ?? {
        resource: { ...(span.resource.attributes as Attributes), "k8s.namespace.name": SYSTEM_NAMESPACE },
        items: [],
      };
      group.items.push({
        scope: { name: span.instrumentationScope.name, version: span.instrumentationScope.version ?? "" },
        item: toOtlp(span),
      });
      groups.set(span.resource, group);
    }
    ingestTraces(SYSTEM_PRINCIPAL, [...groups.values()]).then(
      () => done({ code: ExportResultCode.SUCCESS }),
      (error: Error) => done({ code: ExportResultCode.FAILED, error }),
    );
  }

  async shutdown(): Promise<void> {}
}

const MAX_BUFFERED = 5000;
let buffered: OtlpLogRecord[] = [];
let dropped = 0;
let timer: NodeJS.Timeout | null = null;

/** Turns one pino JSON line into a log record for the store; lines are flushed each second. */
export function captureLogLine(line: string): void {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return;
  }
  if (buffered.length >= MAX_BUFFERED) {
    dropped++;
    return;
  }
  const { time, level, msg, trace_id: traceId, span_id: spanId, ...rest } = entry;
  delete rest.service;
  const timeMs = typeof time === "string" ? Date.parse(time) : typeof time === "number" ? time : Date.now();
  buffered.push({
    timeNs: (Number.isFinite(timeMs) ? timeMs : Date.now()) * 1e6,
    observedNs: Date.now() * 1e6,
    severityNumber: severityFromText(String(level ?? "")),
    severityText: String(level ?? ""),
    body: typeof msg === "string" ? msg : "",
    attributes: JSON.parse(JSON.stringify(rest)) as Attributes,
    traceId: typeof traceId === "string" ? idBuffer(traceId) : null,
    spanId: typeof spanId === "string" ? idBuffer(spanId) : null,
    eventName: "",
  });
  timer ??= setTimeout(() => void flushSystemLogs(), 1000);
  timer.unref?.();
}

/** Writes the captured log lines; failures drop them (logging them would feed the loop). */
export async function flushSystemLogs(): Promise<void> {
  timer = null;
  const records = buffered;
  buffered = [];
  if (!records.length) return;
  const resource: Attributes = { "service.name": "facet", "k8s.namespace.name": SYSTEM_NAMESPACE };
  await ingestLogs(SYSTEM_PRINCIPAL, [
    { resource, items: records.map((item) => ({ scope: { name: "pino", version: "" }, item })) },
  ]).catch(() => {
    dropped += records.length;
  });
}

export const droppedSystemLogs = () => dropped;
