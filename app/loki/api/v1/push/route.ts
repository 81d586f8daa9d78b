import { withContract } from "@/lib/openapi/contract";
import { lokiPushReceiver } from "@/lib/telemetry/loki/receiver";

// Loki's push API: Promtail, Grafana Alloy, the Logging Operator's Loki output or any Loki
// client pointed at <facet>/loki sends here.
export const POST = withContract(lokiPushReceiver(), {
  summary: "Loki push (snappy protobuf or JSON), authenticated with an ingest token (Bearer, or Basic password)",
  requestContentTypes: ["application/x-protobuf", "application/json"],
});
