// Safe to import from client components: react-query keys and fetchers for tenancy lists.
import { getJson } from "@/lib/query/get-json";
import type { EnvironmentDto, ProjectDto } from "./dto";

export const tenancyKeys = {
  projects: (tenant: string) => ["t", tenant, "projects"] as const,
  environments: (tenant: string, project: string) => ["t", tenant, "p", project, "environments"] as const,
};

export const fetchProjects = (tenant: string) => getJson<{ items: ProjectDto[] }>(`/api/v1/tenants/${encodeURIComponent(tenant)}/projects?limit=200`);
export const fetchEnvironments = (tenant: string, project: string) =>
  getJson<{ items: EnvironmentDto[] }>(`/api/v1/tenants/${encodeURIComponent(tenant)}/projects/${encodeURIComponent(project)}/environments?limit=200`);
