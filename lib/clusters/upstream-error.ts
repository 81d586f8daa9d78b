import "server-only";
import { ApiException } from "@kubernetes/client-node";
import { AppError } from "@/lib/errors";
import { hiddenUpstreamError } from "@/lib/core/upstream-failure";

interface Status {
  kind?: string;
  message?: string;
  reason?: string;
  code?: number;
}

/** The API server's own `Status` object, or null when something else answered (a proxy, a load
 *  balancer's page, any URL that is not a Kubernetes API): that text is never shown to callers. */
function statusOf(error: ApiException<unknown>): Status | null {
  let body = error.body;
  if (typeof body === "string") {
    try {
      body = JSON.parse(body);
    } catch {
      return null;
    }
  }
  const status = body as Status | null;
  return status && typeof status === "object" && status.kind === "Status" && typeof status.message === "string"
    ? status
    : null;
}

const bodyText = (body: unknown) => (typeof body === "string" ? body : JSON.stringify(body ?? null));

/**
 * A cluster's answer, as Facet reports it: Kubernetes' own conflict, not-found and invalid
 * answers keep their meaning and their Status message; everything else is an UPSTREAM failure
 * naming the cluster, with whatever else answered kept for the log.
 */
export function upstreamError(cluster: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ApiException) {
    const status = statusOf(error);
    const retryable = error.code >= 500 || error.code === 429;
    if (!status)
      return hiddenUpstreamError(
        cluster,
        `Cluster '${cluster}'`,
        `answer (HTTP ${error.code})`,
        { status: error.code, body: bodyText(error.body) },
        retryable,
      );
    const message = status.message ?? `HTTP ${error.code}`;
    if (error.code === 409)
      return new AppError("CONFLICT", `Cluster '${cluster}': ${message}`, {
        details: { cluster, reason: status.reason },
      });
    if (error.code === 404) return new AppError("NOT_FOUND", `Cluster '${cluster}': ${message}`);
    if (error.code === 422 || error.code === 400)
      return new AppError("VALIDATION", `Cluster '${cluster}' refused it: ${message}`, {
        errors: [{ path: "body", message }],
      });
    return new AppError("UPSTREAM", `Cluster '${cluster}' answered ${error.code}: ${message}`, {
      upstream: { name: cluster, retryable },
    });
  }
  const e = error as { name?: string; code?: string; message?: string; type?: string };
  const timedOut = e?.name === "AbortError" || e?.type === "aborted" || e?.name === "TimeoutError";
  const reason = timedOut ? "did not answer in time" : `is not reachable (${e?.code ?? e?.message ?? "unknown error"})`;
  return new AppError("UPSTREAM", `Cluster '${cluster}' ${reason}.`, {
    upstream: { name: cluster, retryable: true },
    cause: error,
  });
}

/** Runs a cluster call, mapping its failure. */
export async function onCluster<T>(cluster: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw upstreamError(cluster, error);
  }
}
