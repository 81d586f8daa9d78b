// Safe to import from client components: keys and fetchers for live workloads.
import { getJson, HttpError } from "@/lib/query/get-json";
import type { Workloads } from "./list-workloads";
import { apiPath } from "@/lib/console/paths";

export type Names = { tenant: string; project: string; environment: string };

const envApi = apiPath.environment;

export const workloadKeys = {
  all: (n: Names) => ["t", n.tenant, "p", n.project, "e", n.environment, "workloads"] as const,
  logs: (n: Names, pod: string) => ["t", n.tenant, "p", n.project, "e", n.environment, "pods", pod, "logs"] as const,
  object: (n: Names, resource: string, name: string) =>
    ["t", n.tenant, "p", n.project, "e", n.environment, "objects", resource, name] as const,
};

export const fetchWorkloads = (n: Names) => getJson<Workloads>(`${envApi(n)}/workloads`);
export const fetchObject = (n: Names, resource: string, name: string) =>
  getJson<{ yaml: string; resourceVersion: string | null }>(
    `${envApi(n)}/objects/${resource}/${encodeURIComponent(name)}`,
  );

export async function fetchLogs(n: Names, pod: string, tail = 200): Promise<string> {
  const res = await fetch(`${envApi(n)}/pods/${encodeURIComponent(pod)}/logs?tail=${tail}`);
  if (!res.ok)
    throw new HttpError(
      res.status,
      ((await res.json().catch(() => ({}))) as { detail?: string }).detail ?? res.statusText,
    );
  return res.text();
}
