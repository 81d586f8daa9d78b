import { otlpReceiver } from "@/lib/telemetry/otlp/receiver";

// OTLP/HTTP: SDKs with OTEL_EXPORTER_OTLP_ENDPOINT=<facet>/api/otlp post here.
export const POST = otlpReceiver("traces");
