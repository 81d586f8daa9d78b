import "server-only";
import { open } from "@/lib/crypto/secret-box";
import type { TelemetryBackendRow } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { hiddenUpstreamError } from "@/lib/core/upstream-failure";
import { egressFetch } from "@/lib/net/egress";

const TIMEOUT_MS = Number(process.env.FACET_TELEMETRY_BACKEND_TIMEOUT_MS ?? 10_000);

export type BackendConfig = Pick<
  TelemetryBackendRow,
  "kind" | "url" | "username" | "secret" | "orgId" | "namespaceLabel"
> & {
  /** The cluster's sysadmin allowed private network addresses (see lib/net/egress). */
  allowPrivate?: boolean;
};

const LABELS: Record<BackendConfig["kind"], string> = {
  prometheus: "The Prometheus backend",
  loki: "The Loki backend",
  jaeger: "The Jaeger backend",
};

function headersFor(b: BackendConfig): Record<string, string> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const secret = b.secret ? open(b.secret) : null;
  if (secret && b.username)
    headers.Authorization = `Basic ${Buffer.from(`${b.username}:${secret}`).toString("base64")}`;
  else if (secret) headers.Authorization = `Bearer ${secret}`;
  if (b.orgId) headers["X-Scope-OrgID"] = b.orgId;
  return headers;
}

/**
 * GET a JSON document from the backend, through the egress policy; any failure is a generic
 * UPSTREAM error (what the backend said goes to the log only). 404 → null when asked.
 */
export async function getJson<T>(
  b: BackendConfig,
  path: string,
  params: Record<string, string | string[] | undefined>,
  options: { notFoundAsNull?: boolean } = {},
): Promise<T> {
  const url = new URL(path, b.url.endsWith("/") ? b.url : `${b.url}/`);
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, x));
    else if (v !== undefined) url.searchParams.set(k, v);
  }
  const fail = (what: string, detail: Record<string, unknown>, retryable: boolean) =>
    hiddenUpstreamError(b.kind, LABELS[b.kind], what, { url: url.origin + url.pathname, ...detail }, retryable);
  let response: Response;
  let text: string;
  try {
    response = await egressFetch(
      url,
      { headers: headersFor(b), signal: AbortSignal.timeout(TIMEOUT_MS), upstream: b.kind },
      { allowPrivate: b.allowPrivate },
    );
    text = await response.text();
  } catch (error) {
    const refused = isAppError(error) ? error.message : null;
    const timedOut = (error as Error).name === "TimeoutError";
    throw fail(
      timedOut ? "answer in time" : "answer",
      { error: refused ?? String((error as Error).message ?? error) },
      !refused,
    );
  }
  if (response.status === 404 && options.notFoundAsNull) return null as T;
  if (!response.ok)
    throw fail(
      "answer the query",
      { status: response.status, body: text },
      response.status >= 500 || response.status === 429,
    );
  try {
    return JSON.parse(text) as T;
  } catch {
    throw fail("answer with JSON", { status: response.status, body: text }, false);
  }
}

/** A label matcher value, quoted for PromQL and LogQL. */
export const quote = (v: string) => JSON.stringify(v);
/** Label names as PromQL/LogQL accept them. */
export const labelName = (v: string) => (/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(v) ? v : v.replace(/[^a-zA-Z0-9_]/g, "_"));
