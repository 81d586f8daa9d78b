// Safe to import from client components: keys and fetchers for live workloads.
import { getJson, HttpError } from "@/lib/query/get-json";
import type { Workloads } from "./list-workloads";
import type { ObjectPage } from "./list-objects";
import type { EventRow } from "./list-events";
import type { ListableResource } from "./resources";
import { apiPath } from "@/lib/console/paths";
import type { LogSince } from "./schemas";

export type Names = { tenant: string; project: string; environment: string };

const envApi = apiPath.environment;

export const workloadKeys = {
  all: (n: Names) => ["t", n.tenant, "p", n.project, "e", n.environment, "workloads"] as const,
  logs: (n: Names, pod: string, o?: LogOptions) =>
    ["t", n.tenant, "p", n.project, "e", n.environment, "pods", pod, "logs", o ?? {}] as const,
  kind: (n: Names, resource: ListableResource, cursor: string | null) =>
    ["t", n.tenant, "p", n.project, "e", n.environment, "objects", resource, "list", cursor] as const,
  kinds: (n: Names) => ["t", n.tenant, "p", n.project, "e", n.environment, "objects"] as const,
  events: (n: Names, filters: EventFilters, cursor: string | null) =>
    ["t", n.tenant, "p", n.project, "e", n.environment, "events", filters, cursor] as const,
  object: (n: Names, resource: string, name: string) =>
    ["t", n.tenant, "p", n.project, "e", n.environment, "objects", resource, name] as const,
};

/** One page of pods (optionally of one phase), with deployments, services and counts per phase. */
export const fetchWorkloads = (n: Names, page: { phase?: string | null; cursor?: string | null } = {}) => {
  const q = new URLSearchParams();
  if (page.phase) q.set("phase", page.phase);
  if (page.cursor) q.set("podCursor", page.cursor);
  return getJson<Workloads>(`${envApi(n)}/workloads${q.size ? `?${q}` : ""}`);
};
export const fetchObject = (n: Names, resource: string, name: string) =>
  getJson<{ yaml: string; resourceVersion: string | null }>(
    `${envApi(n)}/objects/${resource}/${encodeURIComponent(name)}`,
  );

export interface LogOptions {
  container?: string;
  since: LogSince;
  timestamps: boolean;
  tail?: number;
}

/** The logs route's URL; `follow` makes it a stream of text chunks. */
export function logsUrl(n: Names, pod: string, o: LogOptions, follow = false): string {
  const query = new URLSearchParams({
    tail: String(o.tail ?? 500),
    since: o.since,
    timestamps: String(o.timestamps),
    follow: String(follow),
  });
  if (o.container) query.set("container", o.container);
  return `${envApi(n)}/pods/${encodeURIComponent(pod)}/logs?${query}`;
}

export async function problemOf(res: Response): Promise<HttpError> {
  const body = (await res.json().catch(() => ({}))) as { detail?: string };
  return new HttpError(res.status, body.detail ?? res.statusText);
}

export async function fetchLogs(n: Names, pod: string, o: LogOptions): Promise<string> {
  const res = await fetch(logsUrl(n, pod, o));
  if (!res.ok) throw await problemOf(res);
  return res.text();
}

export const PAGE_SIZE = 20;

export const fetchKindPage = <R extends ListableResource>(n: Names, resource: R, cursor: string | null) =>
  getJson<ObjectPage<R>>(
    `${envApi(n)}/objects/${resource}?limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
  );

export interface EventFilters {
  type?: "Warning" | "Normal";
  kind?: string;
  name?: string;
  q?: string;
}

export interface EventPage {
  items: EventRow[];
  nextCursor: string | null;
  warnings: number;
  total: number;
  truncated: boolean;
}

export function fetchEvents(n: Names, filters: EventFilters, cursor: string | null): Promise<EventPage> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const [k, v] of Object.entries(filters)) if (v) query.set(k, v);
  if (cursor) query.set("cursor", cursor);
  return getJson<EventPage>(`${envApi(n)}/events?${query}`);
}
