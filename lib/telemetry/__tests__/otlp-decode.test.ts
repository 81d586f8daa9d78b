import { SpanKind, SpanStatusCode, context, trace } from "@opentelemetry/api";
import { SeverityNumber } from "@opentelemetry/api-logs";
import {
  JsonLogsSerializer,
  JsonMetricsSerializer,
  JsonTraceSerializer,
  ProtobufLogsSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { decodeLogsJson, decodeMetricsJson, decodeTracesJson } from "../otlp/decode-json";
import { decodeLogsProtobuf, decodeMetricsProtobuf, decodeTracesProtobuf } from "../otlp/decode-protobuf";
import { MalformedOtlp } from "../otlp/model";

// The OpenTelemetry JS serializers (otlp-transformer, the code the SDK exporters use) encode
// the same SDK data as protobuf and as JSON; Facet's two decoders must read back identical data.

const resource = resourceFromAttributes({
  "service.name": "checkout",
  "k8s.namespace.name": "shop-dev",
  "k8s.pod.name": "checkout-1",
});
const json = (bytes: Uint8Array | undefined) => JSON.parse(Buffer.from(bytes!).toString("utf8"));

class CollectOnly extends MetricReader {
  protected async onForceFlush() {}
  protected async onShutdown() {}
}

describe("OTLP decoding", () => {
  it("reads the SDK's spans identically from protobuf and from JSON", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ resource, spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const tracer = provider.getTracer("decode-test", "1.2.3");
    const root = tracer.startSpan("GET /cart", {
      kind: SpanKind.SERVER,
      attributes: {
        "http.route": "/cart",
        "http.response.status_code": 500,
        "user.id": "u-42",
        ratio: 0.5,
        tags: ["a", "b"],
        ok: false,
      },
    });
    root.addEvent("cache miss", { key: "cart:42" });
    root.setStatus({ code: SpanStatusCode.ERROR, message: "boom" });
    const child = tracer.startSpan("SELECT cart", { kind: SpanKind.CLIENT }, trace.setSpan(context.active(), root));
    child.end();
    root.end();
    const spans = exporter.getFinishedSpans();

    const fromProto = decodeTracesProtobuf(Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!));
    const fromJson = decodeTracesJson(json(JsonTraceSerializer.serializeRequest(spans)));
    expect(fromProto).toEqual(fromJson);

    const [group] = fromProto;
    expect(group.resource).toMatchObject({ "service.name": "checkout", "k8s.pod.name": "checkout-1" });
    const decodedRoot = group.items.find((i) => i.item.name === "GET /cart")!;
    expect(decodedRoot.scope).toEqual({ name: "decode-test", version: "1.2.3" });
    expect(decodedRoot.item).toMatchObject({
      kind: 2,
      statusCode: 2,
      statusMessage: "boom",
      parentSpanId: null,
      attributes: {
        "http.route": "/cart",
        "http.response.status_code": 500,
        "user.id": "u-42",
        ratio: 0.5,
        tags: ["a", "b"],
        ok: false,
      },
    });
    expect(decodedRoot.item.traceId.toString("hex")).toBe(root.spanContext().traceId);
    expect(decodedRoot.item.events[0]).toMatchObject({ name: "cache miss", attributes: { key: "cart:42" } });
    const decodedChild = group.items.find((i) => i.item.name === "SELECT cart")!.item;
    expect(decodedChild.parentSpanId?.toString("hex")).toBe(root.spanContext().spanId);
    expect(decodedChild.kind).toBe(3);
    expect(decodedRoot.item.endNs).toBeGreaterThanOrEqual(decodedRoot.item.startNs);
  });

  it("reads the SDK's log records identically from protobuf and from JSON", async () => {
    const exporter = new InMemoryLogRecordExporter();
    const provider = new LoggerProvider({ resource, processors: [new SimpleLogRecordProcessor({ exporter })] });
    provider.getLogger("decode-test").emit({
      body: "payment failed",
      severityNumber: SeverityNumber.ERROR,
      severityText: "ERROR",
      attributes: { order: 7 },
    });
    provider.getLogger("decode-test").emit({ body: { structured: true }, severityNumber: SeverityNumber.INFO });
    await provider.forceFlush();
    const records = exporter.getFinishedLogRecords();

    const fromProto = decodeLogsProtobuf(Buffer.from(ProtobufLogsSerializer.serializeRequest(records)!));
    const fromJson = decodeLogsJson(json(JsonLogsSerializer.serializeRequest(records)));
    expect(fromProto).toEqual(fromJson);
    expect(fromProto[0].items.map((i) => i.item)).toMatchObject([
      { body: "payment failed", severityNumber: 17, severityText: "ERROR", attributes: { order: 7 } },
      { body: { structured: true }, severityNumber: 9 },
    ]);
  });

  it("reads the SDK's counters, gauges and histograms identically from protobuf and from JSON", async () => {
    const reader = new CollectOnly();
    const provider = new MeterProvider({ resource, readers: [reader] });
    const meter = provider.getMeter("decode-test");
    meter.createCounter("orders_total").add(3, { route: "/cart" });
    meter.createHistogram("latency_ms").record(120, { route: "/cart" });
    meter.createGauge("queue_depth").record(9);
    const { resourceMetrics } = await reader.collect();

    const fromProto = decodeMetricsProtobuf(Buffer.from(ProtobufMetricsSerializer.serializeRequest(resourceMetrics)!));
    const fromJson = decodeMetricsJson(json(JsonMetricsSerializer.serializeRequest(resourceMetrics)));
    expect(fromProto).toEqual(fromJson);
    const metrics = Object.fromEntries(fromProto[0].items.map((i) => [i.item.name, i.item]));
    expect(metrics.orders_total).toMatchObject({
      type: "sum",
      monotonic: true,
      temporality: 2,
      points: [{ value: 3, attributes: { route: "/cart" } }],
    });
    expect(metrics.latency_ms).toMatchObject({ type: "histogram", points: [{ count: 1, sum: 120 }] });
    expect(metrics.queue_depth).toMatchObject({ type: "gauge", points: [{ value: 9 }] });
  });

  it("refuses bodies that are not OTLP", () => {
    expect(() => decodeTracesProtobuf(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]))).toThrow(MalformedOtlp);
    expect(() =>
      decodeTracesJson({
        resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: "xyz", spanId: "00f067aa0ba902b7" }] }] }],
      }),
    ).toThrow(MalformedOtlp);
    expect(() => decodeTracesJson([1, 2])).toThrow(MalformedOtlp);
    expect(() => decodeLogsJson({ resourceLogs: "nope" })).toThrow(MalformedOtlp);
  });
});
