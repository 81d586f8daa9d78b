import { route } from "@/lib/http/route";
import { createProject, CreateProjectInput, listProjects, ListQuery, TenantParams, tenantScope } from "@/lib/tenancy";

const scoped = { params: TenantParams, scope: tenantScope } as const;

export const GET = route({ ...scoped, permission: "projects.list", query: ListQuery }, ({ ctx, input }) => listProjects({ ctx, input: input.query }));
export const POST = route({ ...scoped, permission: "projects.create", body: CreateProjectInput, status: 201, etag: true }, ({ ctx, input }) =>
  createProject({ ctx, input: input.body }),
);
