import { withContract } from "@/lib/openapi/contract";
import { otlpReceiver } from "@/lib/telemetry/otlp/receiver";

// OTLP/HTTP: SDKs with OTEL_EXPORTER_OTLP_ENDPOINT=<facet>/api/otlp post here.
export const POST = withContract(otlpReceiver("logs"), {
  summary: "OTLP/HTTP logs export, authenticated with an ingest token",
  requestContentTypes: ["application/x-protobuf", "application/json"],
});
