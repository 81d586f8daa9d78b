// Safe to import from client components: react-query keys and fetchers for tenancy lists.
import { getJson } from "@/lib/query/get-json";
import type { EnvironmentDto, ProjectDto } from "./dto";
import { apiPath } from "@/lib/console/paths";

export const tenancyKeys = {
  projects: (tenant: string) => ["t", tenant, "projects"] as const,
  environments: (tenant: string, project: string) => ["t", tenant, "p", project, "environments"] as const,
};

export const fetchProjects = (tenant: string) =>
  getJson<{ items: ProjectDto[] }>(`${apiPath.projects(tenant)}?limit=200`);
export const fetchEnvironments = (tenant: string, project: string) =>
  getJson<{ items: EnvironmentDto[] }>(`${apiPath.environments({ tenant, project })}?limit=200`);
