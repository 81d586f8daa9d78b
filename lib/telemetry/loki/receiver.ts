import "server-only";
import { TransportError } from "@/lib/core/transport-error";
import { logger } from "@/lib/observability/logger";
import { withSpan } from "@/lib/observability/tracer";
import { acquireIngestSlot } from "../ingest/inflight";
import { ingestLogs } from "../ingest/ingest-logs";
import { authenticateIngestToken } from "../ingest/token-auth";
import { BodyTooLarge, CorruptBody, readBody, UnsupportedEncoding } from "../otlp/read-body";
import { startRetention } from "../store/retention";
import { QueueFull } from "../store/write-queue";
import { decodePushJson } from "./decode-push-json";
import { decodePushProtobuf } from "./decode-push-protobuf";
import { pushFailure } from "./respond";
import { MalformedPush } from "./stream";
import { streamsToGroups } from "./streams-to-groups";

const limits = {
  /** Largest body accepted, and largest a snappy or gzip body may inflate to. */
  maxBodyBytes: Number(process.env.FACET_LOKI_MAX_BODY_BYTES ?? 8 * 1024 * 1024),
};

/** For tests and benches. */
export function configureLokiPush(changes: Partial<typeof limits>): void {
  Object.assign(limits, changes);
}

function encodingOf(contentType: string | null): "json" | "protobuf" | null {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/json") return "json";
  // Loki reads anything else as snappy protobuf; Facet only what says so (or says nothing).
  if (type === "" || type === "application/x-protobuf" || type === "application/protobuf") return "protobuf";
  return null;
}

const AUTHENTICATE = { "WWW-Authenticate": 'Basic realm="facet", Bearer' };

async function push(request: Request): Promise<Response> {
  const principal = await authenticateIngestToken(request.headers.get("authorization"));
  if (!principal)
    return pushFailure(
      401,
      "Send an ingest token: Authorization: Bearer fit_… or Basic with the token as password.",
      AUTHENTICATE,
    );
  const encoding = encodingOf(request.headers.get("content-type"));
  if (!encoding) return pushFailure(415, "Send application/x-protobuf (snappy) or application/json.");
  const slot = acquireIngestSlot(principal.tokenId);
  if ("full" in slot) return pushFailure(429, "Too many pushes in progress; retry later.", { "Retry-After": "1" });
  try {
    startRetention();
    const body = await readBody(request, limits.maxBodyBytes);
    const streams = encoding === "json" ? decodePushJson(body) : decodePushProtobuf(body, limits.maxBodyBytes);
    const result = await ingestLogs(principal, streamsToGroups(streams));
    // Like Loki: what may be stored is stored, and the refused part is a 400 saying why.
    if (result.rejected > 0) return pushFailure(400, `${result.rejected} entries refused: ${result.message}`);
    return new Response(null, { status: 204 });
  } catch (error) {
    if (error instanceof TransportError) return pushFailure(error.status, error.message);
    if (error instanceof BodyTooLarge) return pushFailure(413, error.message);
    if (error instanceof UnsupportedEncoding) return pushFailure(415, error.message);
    if (error instanceof MalformedPush || error instanceof CorruptBody) return pushFailure(400, error.message);
    if (error instanceof QueueFull)
      return pushFailure(429, "The write queue is full; retry later.", {
        "Retry-After": String(error.retryAfterSeconds),
      });
    logger.error({ err: error }, "Loki push could not be stored");
    return pushFailure(503, "The log store is unavailable; retry later.", { "Retry-After": "5" });
  } finally {
    slot.release();
  }
}

/** POST /loki/api/v1/push: Loki's push API (snappy protobuf or JSON), authenticated by ingest token. */
export function lokiPushReceiver(): (request: Request) => Promise<Response> {
  return (request) =>
    withSpan(
      "POST /loki/api/v1/push",
      { "http.request.method": "POST", "url.path": "/loki/api/v1/push" },
      async (span) => {
        const response = await push(request);
        span.setAttribute("http.response.status_code", response.status);
        return response;
      },
    );
}
