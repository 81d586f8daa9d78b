// Safe to import from client components: URLs, keys and fetchers for the telemetry pages.
import { getJson } from "@/lib/query/get-json";
import type {
  ApmResult,
  LogSearchResult,
  MetricLabelsResult,
  MetricNamesResult,
  MetricQueryResult,
  TraceDetail,
  TraceSearchResult,
} from "./schemas";
import { apiPath, consolePath } from "@/lib/console/paths";

export type EnvNames = { tenant: string; project: string; environment: string };

/** Where trace, log and APM views read: one environment, or Facet's own telemetry (the
 *  facet-system view). `page` is the console path that mirrors `api`. */
export type TelemetrySource = { api: string; page: string; key: readonly string[] };
export const envSource = (n: EnvNames): TelemetrySource => ({
  api: apiPath.environment(n),
  page: consolePath.environment(n),
  key: ["t", n.tenant, "p", n.project, "e", n.environment],
});
export const SYSTEM_API = "/api/v1/system";
export const SYSTEM_SOURCE: TelemetrySource = { api: SYSTEM_API, page: "/system", key: ["system"] };

/** The console page for an API link (the pages mirror the API's paths). */
export const toConsoleUrl = (apiUrl: string) => apiUrl.replace(/^\/api\/v1/, "");
/** The API link for a console page's path and query. */
export const toApiUrl = (pagePath: string) => `/api/v1${pagePath}`;

const qs = (params: Record<string, string | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
};

export const telemetryKeys = {
  traces: (src: TelemetrySource, q: string) => [...src.key, "traces", q] as const,
  trace: (api: string) => ["trace", api] as const,
  logs: (src: TelemetrySource, q: string) => [...src.key, "logs", q] as const,
  metrics: (n: EnvNames, q: string) => ["t", n.tenant, "p", n.project, "e", n.environment, "metrics", q] as const,
  metricNames: (n: EnvNames) => ["t", n.tenant, "p", n.project, "e", n.environment, "metric-names"] as const,
  metricLabels: (n: EnvNames, metric: string) =>
    ["t", n.tenant, "p", n.project, "e", n.environment, "metric-labels", metric] as const,
  apm: (src: TelemetrySource, q: string) => [...src.key, "apm", q] as const,
  operations: (src: TelemetrySource, service: string, q: string) => [...src.key, "apm", service, q] as const,
};

export const searchTraces = (src: TelemetrySource, query: string) =>
  getJson<TraceSearchResult>(`${src.api}/traces${query}`);
/** The trace across every namespace the reader may see, from the embedded store. */
export const traceApi = apiPath.trace;
export const getTrace = (api: string) => getJson<TraceDetail>(api);
/** Where a search result's trace opens: inside the environment it was found in (its breadcrumbs
 *  and tabs kept; served by its cluster's Jaeger or the embedded store); Facet's own traces on
 *  the shared page, which shows every span the reader may see. */
export const tracePage = (src: TelemetrySource, _backend: string, id: string) =>
  src.page === SYSTEM_SOURCE.page ? `/traces/${id}` : `${src.page}/traces/${id}`;
export const searchLogs = (src: TelemetrySource, query: string) => getJson<LogSearchResult>(`${src.api}/logs${query}`);
export const queryMetrics = (n: EnvNames, query: string) =>
  getJson<MetricQueryResult>(`${apiPath.environment(n)}/metrics${query}`);
export const metricNames = (n: EnvNames) => getJson<MetricNamesResult>(`${apiPath.environment(n)}/metrics/names`);
export const metricLabels = (n: EnvNames, metric: string) =>
  getJson<MetricLabelsResult>(`${apiPath.environment(n)}/metrics/labels${qs({ metric })}`);
export const apmServices = (src: TelemetrySource, query: string) =>
  getJson<ApmResult>(`${src.api}/apm/services${query}`);
export const apmOperations = (src: TelemetrySource, service: string, query: string) =>
  getJson<ApmResult>(`${src.api}/apm/services/${encodeURIComponent(service)}/operations${query}`);

export { qs };

/** "12 ms", "1.40 s" */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}
