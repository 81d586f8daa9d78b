import "server-only";
import type { Signal } from "./model";
import { OtlpTypes } from "./schema";

// OTLP/HTTP answers in the request's own encoding: Export<Signal>ServiceResponse on success
// (partialSuccess only when something was rejected), google.rpc.Status on failure.

const REJECTED_FIELD: Record<Signal, string> = {
  traces: "rejectedSpans",
  logs: "rejectedLogRecords",
  metrics: "rejectedDataPoints",
};
const RESPONSE_TYPE = {
  traces: OtlpTypes.traceResponse,
  logs: OtlpTypes.logsResponse,
  metrics: OtlpTypes.metricsResponse,
};

export type Encoding = "protobuf" | "json";

const contentType = (encoding: Encoding) => (encoding === "protobuf" ? "application/x-protobuf" : "application/json");

export function exportResponse(signal: Signal, encoding: Encoding, rejected: number, errorMessage: string): Response {
  const partialSuccess =
    rejected > 0 || errorMessage ? { [REJECTED_FIELD[signal]]: String(rejected), errorMessage } : undefined;
  const message = partialSuccess ? { partialSuccess } : {};
  const body =
    encoding === "protobuf"
      ? RESPONSE_TYPE[signal].encode(RESPONSE_TYPE[signal].fromObject(message)).finish()
      : JSON.stringify(message);
  return new Response(body as BodyInit, { status: 200, headers: { "Content-Type": contentType(encoding) } });
}

/** gRPC status codes that OTLP failures carry (google.rpc.Code). */
export const RPC = {
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

export function failureResponse(
  status: number,
  code: number,
  message: string,
  encoding: Encoding,
  headers: Record<string, string> = {},
): Response {
  const body =
    encoding === "protobuf" ? OtlpTypes.status.encode({ code, message }).finish() : JSON.stringify({ code, message });
  return new Response(body as BodyInit, { status, headers: { "Content-Type": contentType(encoding), ...headers } });
}
