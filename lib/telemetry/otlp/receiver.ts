import "server-only";
import { TransportError } from "@/lib/core/transport-error";
import { logger } from "@/lib/observability/logger";
import { withSpan } from "@/lib/observability/tracer";
import { ingestLogs } from "../ingest/ingest-logs";
import { ingestMetrics } from "../ingest/ingest-metrics";
import { ingestTraces } from "../ingest/ingest-traces";
import type { IngestResult } from "../ingest/result";
import { authenticateIngestToken } from "../ingest/token-auth";
import { acquireIngestSlot, configureInflight, type InflightLimits } from "../ingest/inflight";
import type { IngestPrincipal } from "../ingest/resource";
import { startRetention } from "../store/retention";
import { QueueFull } from "../store/write-queue";
import { decodeLogsJson, decodeMetricsJson, decodeTracesJson, parseOtlpJson } from "./decode-json";
import { decodeLogsProtobuf, decodeMetricsProtobuf, decodeTracesProtobuf } from "./decode-protobuf";
import { MalformedOtlp, type Signal } from "./model";
import { BodyTooLarge, CorruptBody, readBody, UnsupportedEncoding } from "./read-body";
import { exportResponse, failureResponse, RPC, type Encoding } from "./respond";

const limits = {
  /** Largest body accepted, compressed or not (OTLP_MAX_BODY → 413). */
  maxBodyBytes: Number(process.env.FACET_OTLP_MAX_BODY_BYTES ?? 8 * 1024 * 1024),
};

/** For tests and benches; the in-flight limits are shared with every push receiver. */
export function configureReceiver(changes: Partial<typeof limits & InflightLimits>): void {
  const { maxBodyBytes, ...inflight } = changes;
  if (maxBodyBytes !== undefined) limits.maxBodyBytes = maxBodyBytes;
  configureInflight(inflight);
}

type Handler = (principal: IngestPrincipal, body: Buffer, encoding: Encoding) => Promise<IngestResult>;

const HANDLERS: Record<Signal, Handler> = {
  traces: (p, body, e) =>
    ingestTraces(p, e === "protobuf" ? decodeTracesProtobuf(body) : decodeTracesJson(parseOtlpJson(body))),
  logs: (p, body, e) =>
    ingestLogs(p, e === "protobuf" ? decodeLogsProtobuf(body) : decodeLogsJson(parseOtlpJson(body))),
  metrics: (p, body, e) =>
    ingestMetrics(p, e === "protobuf" ? decodeMetricsProtobuf(body) : decodeMetricsJson(parseOtlpJson(body))),
};

function encodingOf(contentType: string | null): Encoding | null {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/x-protobuf" || type === "application/protobuf") return "protobuf";
  if (type === "application/json") return "json";
  return null;
}

async function receive(signal: Signal, request: Request): Promise<Response> {
  const encoding = encodingOf(request.headers.get("content-type"));
  const principal = await authenticateIngestToken(request.headers.get("authorization"));
  if (!principal)
    return failureResponse(
      401,
      RPC.UNAUTHENTICATED,
      "Send a valid ingest token: Authorization: Bearer fit_…",
      encoding ?? "json",
      { "WWW-Authenticate": "Bearer" },
    );
  if (!encoding)
    return failureResponse(415, RPC.INVALID_ARGUMENT, "Send application/x-protobuf or application/json.", "json");
  const slot = acquireIngestSlot(principal.tokenId);
  if ("full" in slot)
    return failureResponse(
      429,
      RPC.RESOURCE_EXHAUSTED,
      slot.full === "token"
        ? "Too many exports in progress for this token; retry later."
        : "Too many exports in progress; retry later.",
      encoding,
      { "Retry-After": "1" },
    );
  try {
    startRetention();
    const body = await readBody(request, limits.maxBodyBytes);
    const result = await HANDLERS[signal](principal, body, encoding);
    return exportResponse(signal, encoding, result.rejected, result.message);
  } catch (error) {
    if (error instanceof TransportError)
      return failureResponse(
        error.status,
        error.status === 408 ? RPC.DEADLINE_EXCEEDED : RPC.INVALID_ARGUMENT,
        error.message,
        encoding,
      );
    if (error instanceof BodyTooLarge) return failureResponse(413, RPC.INVALID_ARGUMENT, error.message, encoding);
    if (error instanceof UnsupportedEncoding)
      return failureResponse(415, RPC.INVALID_ARGUMENT, error.message, encoding);
    if (error instanceof MalformedOtlp || error instanceof CorruptBody)
      return failureResponse(400, RPC.INVALID_ARGUMENT, error.message, encoding);
    if (error instanceof QueueFull)
      return failureResponse(429, RPC.RESOURCE_EXHAUSTED, "The write queue is full; retry later.", encoding, {
        "Retry-After": String(error.retryAfterSeconds),
      });
    logger.error({ err: error, signal }, "OTLP export could not be stored");
    return failureResponse(503, RPC.UNAVAILABLE, "The telemetry store is unavailable; retry later.", encoding, {
      "Retry-After": "5",
    });
  } finally {
    slot.release();
  }
}

/** The OTLP/HTTP receiver for one signal (POST /api/otlp/v1/<signal>), protobuf or JSON. */
export function otlpReceiver(signal: Signal): (request: Request) => Promise<Response> {
  return (request) =>
    withSpan(
      `POST /api/otlp/v1/${signal}`,
      { "http.request.method": "POST", "url.path": `/api/otlp/v1/${signal}` },
      async (span) => {
        const response = await receive(signal, request);
        span.setAttribute("http.response.status_code", response.status);
        return response;
      },
    );
}
