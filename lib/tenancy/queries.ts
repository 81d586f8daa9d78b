// Safe to import from client components: react-query keys and fetchers for tenancy lists.
import type { EnvironmentDto, ProjectDto } from "./dto";
import { apiPath } from "@/lib/console/paths";

export const tenancyKeys = {
  projects: (tenant: string) => ["t", tenant, "projects"] as const,
  environments: (tenant: string, project: string) => ["t", tenant, "p", project, "environments"] as const,
};

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: "application/json" } });
  if (!res.ok) {
    const problem = await res.json().catch(() => ({ detail: res.statusText }));
    throw new HttpError(res.status, problem.detail ?? res.statusText);
  }
  return res.json() as Promise<T>;
}

export const fetchProjects = (tenant: string) => getJson<{ items: ProjectDto[] }>(`${apiPath.projects(tenant)}?limit=200`);
export const fetchEnvironments = (tenant: string, project: string) =>
  getJson<{ items: EnvironmentDto[] }>(`${apiPath.environments({ tenant, project })}?limit=200`);
