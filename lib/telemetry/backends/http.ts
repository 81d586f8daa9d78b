import "server-only";
import { open } from "@/lib/crypto/secret-box";
import type { TelemetryBackendRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

const TIMEOUT_MS = Number(process.env.FACET_TELEMETRY_BACKEND_TIMEOUT_MS ?? 10_000);

export type BackendConfig = Pick<TelemetryBackendRow, "kind" | "url" | "username" | "secret" | "orgId" | "namespaceLabel">;

function headersFor(b: BackendConfig): Record<string, string> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const secret = b.secret ? open(b.secret) : null;
  if (secret && b.username) headers.Authorization = `Basic ${Buffer.from(`${b.username}:${secret}`).toString("base64")}`;
  else if (secret) headers.Authorization = `Bearer ${secret}`;
  if (b.orgId) headers["X-Scope-OrgID"] = b.orgId;
  return headers;
}

const upstream = (b: BackendConfig, message: string, retryable: boolean) => new AppError("UPSTREAM", `${b.kind} at ${b.url}: ${message}`, { upstream: { name: b.kind, retryable } });

/** GET a JSON document from the backend; any failure is an UPSTREAM error naming it (404 → null when asked). */
export async function getJson<T>(b: BackendConfig, path: string, params: Record<string, string | string[] | undefined>, options: { notFoundAsNull?: boolean } = {}): Promise<T> {
  const url = new URL(path, b.url.endsWith("/") ? b.url : `${b.url}/`);
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, x));
    else if (v !== undefined) url.searchParams.set(k, v);
  }
  let response: Response;
  try {
    response = await fetch(url, { headers: headersFor(b), signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw upstream(b, `unreachable (${(error as Error).name === "TimeoutError" ? "timed out" : (error as Error).message})`, true);
  }
  const text = await response.text();
  if (response.status === 404 && options.notFoundAsNull) return null as T;
  if (!response.ok) throw upstream(b, `answered ${response.status}: ${text.slice(0, 300)}`, response.status >= 500 || response.status === 429);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw upstream(b, "answered with something that is not JSON", false);
  }
}

/** A label matcher value, quoted for PromQL and LogQL. */
export const quote = (v: string) => JSON.stringify(v);
/** Label names as PromQL/LogQL accept them. */
export const labelName = (v: string) => (/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(v) ? v : v.replace(/[^a-zA-Z0-9_]/g, "_"));
