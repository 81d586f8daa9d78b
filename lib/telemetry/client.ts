// Safe to import from client components: URLs, keys and fetchers for the telemetry pages.
import { getJson } from "@/lib/tenancy/queries";
import type { ApmResult, LogSearchResult, MetricLabelsResult, MetricNamesResult, MetricQueryResult, TraceDetail, TraceSearchResult } from "./schemas";

export type EnvNames = { tenant: string; project: string; environment: string };

export const envPath = (n: EnvNames) => `/tenants/${encodeURIComponent(n.tenant)}/projects/${encodeURIComponent(n.project)}/environments/${encodeURIComponent(n.environment)}`;
export const envApi = (n: EnvNames) => `/api/v1${envPath(n)}`;

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
  traces: (n: EnvNames, q: string) => ["t", n.tenant, "p", n.project, "e", n.environment, "traces", q] as const,
  trace: (id: string) => ["traces", id] as const,
  logs: (n: EnvNames, q: string) => ["t", n.tenant, "p", n.project, "e", n.environment, "logs", q] as const,
  metrics: (n: EnvNames, q: string) => ["t", n.tenant, "p", n.project, "e", n.environment, "metrics", q] as const,
  metricNames: (n: EnvNames) => ["t", n.tenant, "p", n.project, "e", n.environment, "metric-names"] as const,
  metricLabels: (n: EnvNames, metric: string) => ["t", n.tenant, "p", n.project, "e", n.environment, "metric-labels", metric] as const,
  apm: (n: EnvNames, q: string) => ["t", n.tenant, "p", n.project, "e", n.environment, "apm", q] as const,
  operations: (n: EnvNames, service: string, q: string) => ["t", n.tenant, "p", n.project, "e", n.environment, "apm", service, q] as const,
};

export const searchTraces = (n: EnvNames, query: string) => getJson<TraceSearchResult>(`${envApi(n)}/traces${query}`);
export const getTrace = (id: string) => getJson<TraceDetail>(`/api/v1/traces/${id}`);
export const searchLogs = (n: EnvNames, query: string) => getJson<LogSearchResult>(`${envApi(n)}/logs${query}`);
export const queryMetrics = (n: EnvNames, query: string) => getJson<MetricQueryResult>(`${envApi(n)}/metrics${query}`);
export const metricNames = (n: EnvNames) => getJson<MetricNamesResult>(`${envApi(n)}/metrics/names`);
export const metricLabels = (n: EnvNames, metric: string) => getJson<MetricLabelsResult>(`${envApi(n)}/metrics/labels${qs({ metric })}`);
export const apmServices = (n: EnvNames, query: string) => getJson<ApmResult>(`${envApi(n)}/apm/services${query}`);
export const apmOperations = (n: EnvNames, service: string, query: string) => getJson<ApmResult>(`${envApi(n)}/apm/services/${encodeURIComponent(service)}/operations${query}`);

export { qs };

/** "12 ms", "1.40 s" */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}
