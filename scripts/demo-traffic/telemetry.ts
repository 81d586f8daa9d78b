// The OpenTelemetry SDK setup both demo services share: NodeSDK with OTLP/HTTP protobuf
// exporters configured the standard way (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS,
// OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES), plus the contrib BaggageSpanProcessor, which copies W3C baggage
// (user.id, user.name) onto every span so it is searchable.
import { OTLPLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { BatchLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { NodeSDK } from "@opentelemetry/sdk-node";
import { BaggageSpanProcessor, ALLOW_ALL_BAGGAGE_KEYS } from "@opentelemetry/baggage-span-processor";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";

export function startTelemetry(): NodeSDK {
  const sdk = new NodeSDK({
    spanProcessors: [
      new BaggageSpanProcessor(ALLOW_ALL_BAGGAGE_KEYS),
      new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: 1000 }),
    ],
    logRecordProcessors: [new BatchLogRecordProcessor({ exporter: new OTLPLogExporter(), scheduledDelayMillis: 1000 })],
    metricReader: new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter(), exportIntervalMillis: 5000 }),
  });
  sdk.start();
  return sdk;
}
