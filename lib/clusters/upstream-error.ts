import "server-only";
import { ApiException } from "@kubernetes/client-node";
import { AppError } from "@/lib/errors";

interface Status {
  message?: string;
  reason?: string;
  code?: number;
}

function statusOf(error: ApiException<unknown>): Status {
  const body = error.body;
  if (typeof body === "string") {
    try {
      return JSON.parse(body) as Status;
    } catch {
      return { message: body.slice(0, 300) };
    }
  }
  return (body as Status) ?? {};
}

/**
 * A cluster's answer, as Facet reports it: Kubernetes' own conflict, not-found and invalid
 * answers keep their meaning; everything else is an UPSTREAM failure naming the cluster.
 */
export function upstreamError(cluster: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ApiException) {
    const status = statusOf(error);
    const message = status.message ?? `HTTP ${error.code}`;
    if (error.code === 409) return new AppError("CONFLICT", `Cluster '${cluster}': ${message}`, { details: { cluster, reason: status.reason } });
    if (error.code === 404) return new AppError("NOT_FOUND", `Cluster '${cluster}': ${message}`);
    if (error.code === 422 || error.code === 400) return new AppError("VALIDATION", `Cluster '${cluster}' refused it: ${message}`, { errors: [{ path: "body", message }] });
    return new AppError("UPSTREAM", `Cluster '${cluster}' answered ${error.code}: ${message}`, { upstream: { name: cluster, retryable: error.code >= 500 || error.code === 429 } });
  }
  const e = error as { name?: string; code?: string; message?: string; type?: string };
  const timedOut = e?.name === "AbortError" || e?.type === "aborted" || e?.name === "TimeoutError";
  const reason = timedOut ? "did not answer in time" : `is not reachable (${e?.code ?? e?.message ?? "unknown error"})`;
  return new AppError("UPSTREAM", `Cluster '${cluster}' ${reason}.`, { upstream: { name: cluster, retryable: true }, cause: error });
}

/** Runs a cluster call, mapping its failure. */
export async function onCluster<T>(cluster: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw upstreamError(cluster, error);
  }
}
