import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { SeverityNumber } from "@opentelemetry/api-logs";
import { W3CBaggagePropagator, W3CTraceContextPropagator, CompositePropagator } from "@opentelemetry/core";
import { OTLPLogExporter as JsonLogExporter } from "@opentelemetry/exporter-logs-otlp-http";
import { OTLPLogExporter as ProtoLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { OTLPMetricExporter as JsonMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPMetricExporter as ProtoMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { OTLPTraceExporter as JsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchLogRecordProcessor, LoggerProvider } from "@opentelemetry/sdk-logs";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BaggageSpanProcessor, ALLOW_ALL_BAGGAGE_KEYS } from "@opentelemetry/baggage-span-processor";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueName } from "@/lib/testing/factories";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { telemetryWorld, type TelemetryWorld } from "@/lib/testing/telemetry-world";
import { api, expectOk } from "@/lib/testing/world";
import type { LogSearchResult, MetricQueryResult, TraceDetail, TraceSearchResult } from "../schemas";

// The real OpenTelemetry JS SDK (0.223 / 2.12) exports to Facet over HTTP: once configured
// the way OTEL_EXPORTER_OTLP_ENDPOINT configures it (protobuf, path appended), once with the
// JSON exporters. An `api` service calls an `agent` with W3C traceparent and baggage.

const propagator = new CompositePropagator({
  propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
});

interface Exporters {
  traces: () => ProtoTraceExporter | JsonTraceExporter;
  logs: () => ProtoLogExporter | JsonLogExporter;
  metrics: () => ProtoMetricExporter | JsonMetricExporter;
}

async function runServices(exporters: Exporters, pod: string, userId: string) {
  const resource = (service: string) =>
    resourceFromAttributes({ "service.name": service, "k8s.pod.name": `${service}-${pod}` });
  const apiTracing = new NodeTracerProvider({
    resource: resource("api"),
    spanProcessors: [new BaggageSpanProcessor(ALLOW_ALL_BAGGAGE_KEYS), new BatchSpanProcessor(exporters.traces())],
  });
  const agentTracing = new NodeTracerProvider({
    resource: resource("agent"),
    spanProcessors: [new BaggageSpanProcessor(ALLOW_ALL_BAGGAGE_KEYS), new BatchSpanProcessor(exporters.traces())],
  });
  const agentLogs = new LoggerProvider({
    resource: resource("agent"),
    processors: [new BatchLogRecordProcessor({ exporter: exporters.logs() })],
  });
  const apiMetrics = new MeterProvider({
    resource: resource("api"),
    readers: [new PeriodicExportingMetricReader({ exporter: exporters.metrics(), exportIntervalMillis: 60_000 })],
  });

  // api: a server span for the incoming request, with the caller's baggage.
  const incoming = propagation.setBaggage(
    ROOT_CONTEXT,
    propagation.createBaggage({ "user.id": { value: userId }, "user.name": { value: "Ada" } }),
  );
  const server = apiTracing
    .getTracer("api")
    .startSpan(
      "GET /chat",
      { kind: SpanKind.SERVER, attributes: { "http.route": "/chat", "http.response.status_code": 200 } },
      incoming,
    );
  const serverCtx = trace.setSpan(incoming, server);
  const client = apiTracing.getTracer("api").startSpan("POST agent/answer", { kind: SpanKind.CLIENT }, serverCtx);
  const headers: Record<string, string> = {};
  propagator.inject(trace.setSpan(serverCtx, client), headers, {
    set: (c, k, v) => ((c as Record<string, string>)[k] = v),
  });
  expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  expect(headers.baggage).toContain(`user.id=${userId}`);

  // agent: continues the trace from the headers, logs inside its span, fails once.
  const extracted = propagator.extract(ROOT_CONTEXT, headers, {
    get: (c, k) => (c as Record<string, string>)[k],
    keys: (c) => Object.keys(c as object),
  });
  const handler = agentTracing
    .getTracer("agent")
    .startSpan("POST /answer", { kind: SpanKind.SERVER, attributes: { "http.route": "/answer" } }, extracted);
  const handlerCtx = trace.setSpan(extracted, handler);
  agentLogs.getLogger("agent").emit({
    body: `answering for ${userId}`,
    severityNumber: SeverityNumber.INFO,
    severityText: "INFO",
    context: handlerCtx,
  });
  agentLogs.getLogger("agent").emit({
    body: "model timed out",
    severityNumber: SeverityNumber.ERROR,
    severityText: "ERROR",
    context: handlerCtx,
  });
  handler.setStatus({ code: SpanStatusCode.ERROR, message: "timeout" });
  handler.end();
  client.end();
  server.end();

  const requests = apiMetrics.getMeter("api").createCounter("demo_requests_total");
  requests.add(5, { route: "/chat" });
  apiMetrics.getMeter("api").createHistogram("demo_latency_ms").record(42, { route: "/chat" });

  await Promise.all([apiTracing.shutdown(), agentTracing.shutdown(), agentLogs.shutdown(), apiMetrics.shutdown()]);
  return server.spanContext().traceId;
}

describe("a real OpenTelemetry SDK exporting to Facet", () => {
  let server: RouteServer;
  let w: TelemetryWorld;

  beforeAll(async () => {
    server = await startRouteServer();
    w = await telemetryWorld("sdk");
  });
  afterAll(async () => server?.close());

  async function expectLinkedTelemetry(traceId: string, userId: string, pod: string) {
    const env = w.env("a");
    const found = await expectOk<TraceSearchResult>(
      api("GET", `${env}/traces?service=api&limit=50`, { token: w.root }),
    );
    expect(found.traces.map((t) => t.traceId)).toContain(traceId);

    const detail = await expectOk<TraceDetail>(api("GET", `/api/v1/traces/${traceId}`, { token: w.root }));
    expect(detail.hiddenSpans).toBe(0);
    expect(detail.spans.map((s) => `${s.service}:${s.kind}:${s.name}`).sort()).toEqual([
      "agent:server:POST /answer",
      "api:client:POST agent/answer",
      "api:server:GET /chat",
    ]);
    const agentSpan = detail.spans.find((s) => s.service === "agent")!;
    const clientSpan = detail.spans.find((s) => s.kind === "client")!;
    expect(agentSpan.parentSpanId).toBe(clientSpan.spanId);
    expect(agentSpan).toMatchObject({
      namespace: w.namespace("a"),
      pod: `agent-${pod}`,
      status: { code: "error", message: "timeout" },
      attributes: { "user.id": userId, "user.name": "Ada" },
    });

    // trace → its logs, and the span's own logs; each log links back to the trace.
    const logs = await expectOk<LogSearchResult>(api("GET", `${env}/logs?traceId=${traceId}`, { token: w.root }));
    expect(logs.logs.map((l) => l.body).sort()).toEqual([`answering for ${userId}`, "model timed out"]);
    const spanLogs = await expectOk<LogSearchResult>(api("GET", agentSpan.related.logs!, { token: w.root }));
    expect(spanLogs.logs).toHaveLength(2);
    expect(
      spanLogs.logs.every((l) => l.related.trace === `${env}/traces/${traceId}` && l.spanId === agentSpan.spanId),
    ).toBe(true);
    expect(
      (await expectOk<TraceDetail>(api("GET", spanLogs.logs[0].related.trace!, { token: w.root }))).spans,
    ).toHaveLength(3);
    const errors = await expectOk<LogSearchResult>(
      api("GET", `${env}/logs?traceId=${traceId}&severity=error`, { token: w.root }),
    );
    expect(errors.logs.map((l) => l.body)).toEqual(["model timed out"]);

    // user.id came in as baggage and is searchable.
    const byUser = await expectOk<TraceSearchResult>(
      api("GET", `${env}/traces?attr.user.id=${userId}`, { token: w.root }),
    );
    expect(byUser.traces.map((t) => t.traceId)).toEqual([traceId]);

    // The api's metrics chart: the counter as a rate and the histogram's count.
    const now = Date.now();
    const q = `start=${now - 600_000}&end=${now + 60_000}&step=60s&match.pod=api-${pod}`;
    const counter = await expectOk<MetricQueryResult>(
      api("GET", `${env}/metrics?metric=demo_requests_total&agg=last&${q}`, { token: w.root }),
    );
    expect(counter.series).toHaveLength(1);
    expect(counter.series[0].labels).toMatchObject({ service: "api", route: "/chat", pod: `api-${pod}` });
    expect(counter.series[0].points.some(([, v]) => v === 5)).toBe(true);
    const latency = await expectOk<MetricQueryResult>(
      api("GET", `${env}/metrics?metric=demo_latency_ms&agg=p50&${q}`, { token: w.root }),
    );
    expect(latency.series[0].points.some(([, v]) => v !== null && v > 25 && v <= 50)).toBe(true);
    // The span links to those metrics (its pod and service, ±15 min).
    const linked = await expectOk<MetricQueryResult>(
      api(
        "GET",
        `${detail.spans.find((s) => s.name === "GET /chat")!.related.metrics!}&metric=demo_requests_total&agg=last`,
        { token: w.root },
      ),
    );
    expect(linked.series.map((s) => s.labels.pod)).toEqual([`api-${pod}`]);
  }

  it("protobuf, configured by OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_EXPORTER_OTLP_HEADERS", async () => {
    const saved = {
      endpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
      headers: process.env.OTEL_EXPORTER_OTLP_HEADERS,
    };
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `${server.origin}/api/otlp`;
    process.env.OTEL_EXPORTER_OTLP_HEADERS = `Authorization=Bearer%20${w.tokens.a}`;
    try {
      const pod = uniqueName("p");
      const userId = uniqueName("u");
      const traceId = await runServices(
        {
          traces: () => new ProtoTraceExporter(),
          logs: () => new ProtoLogExporter(),
          metrics: () => new ProtoMetricExporter(),
        },
        pod,
        userId,
      );
      await expectLinkedTelemetry(traceId, userId, pod);
    } finally {
      process.env.OTEL_EXPORTER_OTLP_ENDPOINT = saved.endpoint;
      process.env.OTEL_EXPORTER_OTLP_HEADERS = saved.headers;
      if (saved.endpoint === undefined) delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
      if (saved.headers === undefined) delete process.env.OTEL_EXPORTER_OTLP_HEADERS;
    }
  });

  it("JSON, with the -otlp-http exporters", async () => {
    const headers = { Authorization: `Bearer ${w.tokens.a}` };
    const url = (signal: string) => `${server.origin}/api/otlp/v1/${signal}`;
    const pod = uniqueName("p");
    const userId = uniqueName("u");
    const traceId = await runServices(
      {
        traces: () => new JsonTraceExporter({ url: url("traces"), headers }),
        logs: () => new JsonLogExporter({ url: url("logs"), headers }),
        metrics: () => new JsonMetricExporter({ url: url("metrics"), headers }),
      },
      pod,
      userId,
    );
    await expectLinkedTelemetry(traceId, userId, pod);
  });

  it("does not leave global providers behind", () => {
    expect(context.active()).toBe(ROOT_CONTEXT);
  });
});
