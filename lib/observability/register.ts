import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CBaggagePropagator, W3CTraceContextPropagator, CompositePropagator } from "@opentelemetry/core";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from "@opentelemetry/semantic-conventions";

/** Registers Facet's own tracer provider. Spans are always recorded so ids reach the logs;
 *  they are exported over OTLP only when an endpoint is configured. */
export async function registerTelemetry(): Promise<void> {
  const processors: SpanProcessor[] = [];
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
    const { OTLPTraceExporter } = await import("@opentelemetry/exporter-trace-otlp-http");
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  }
  // Facet's own spans and logs also go to its telemetry store (facet-system namespace).
  if (process.env.FACET_SELF_TELEMETRY !== "off" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { selfTelemetryProcessor } = await import("@/lib/telemetry/self/install");
    processors.push(selfTelemetryProcessor());
  }
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: "facet",
      [ATTR_SERVICE_VERSION]: process.env.npm_package_version ?? "dev",
    }),
    spanProcessors: processors,
  });
  provider.register({
    contextManager: new AsyncLocalStorageContextManager(),
    propagator: new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  });
}
