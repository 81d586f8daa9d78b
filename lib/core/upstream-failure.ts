import "server-only";
import { AppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";

// What a non-Kubernetes upstream (Prometheus, Loki, Jaeger, Nacos, any URL a user typed)
// answered is never shown to callers: its body may be another service's page or secrets, and
// echoing it turns Facet into a reader of internal URLs. The log keeps it, with the request id.

/** The upstream's own words, carried as the error's cause for the log only. */
export class UpstreamDetail extends Error {
  constructor(
    readonly upstream: string,
    readonly detail: Record<string, unknown>,
  ) {
    super(`${upstream} failed`);
    this.name = "UpstreamDetail";
  }
}

const BODY_LOGGED = 2_000;

/**
 * A generic UPSTREAM error naming only the kind of upstream and what Facet tried; `detail`
 * (status, body, address, error) goes to the log.
 */
export function hiddenUpstreamError(
  upstream: string,
  label: string,
  what: string,
  detail: Record<string, unknown>,
  retryable: boolean,
): AppError {
  const logged = typeof detail.body === "string" ? { ...detail, body: detail.body.slice(0, BODY_LOGGED) } : detail;
  return new AppError("UPSTREAM", `${label} failed to ${what}. Quote the request id when reporting it.`, {
    upstream: { name: upstream, retryable },
    cause: new UpstreamDetail(upstream, logged),
  });
}

/** Logs the hidden part of an upstream failure with the request id; other errors are left alone. */
export function logUpstreamFailure(error: unknown, requestId: string): void {
  if (!isAppError(error) || error.code !== "UPSTREAM") return;
  const cause = error.cause;
  if (cause instanceof UpstreamDetail)
    logger.warn({ request_id: requestId, upstream: cause.upstream, ...cause.detail }, "upstream failure");
  else logger.warn({ request_id: requestId, err: error }, "upstream failure");
}
