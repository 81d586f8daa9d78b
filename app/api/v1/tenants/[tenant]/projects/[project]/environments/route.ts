import { route } from "@/lib/http/route";
import { createEnvironment, CreateEnvironmentInput, listEnvironments, ListQuery, ProjectParams, projectScope } from "@/lib/tenancy";

const scoped = { params: ProjectParams, scope: projectScope } as const;

export const GET = route({ ...scoped, permission: "environments.list", query: ListQuery }, ({ ctx, input }) => listEnvironments({ ctx, input: input.query }));
export const POST = route({ ...scoped, permission: "environments.create", body: CreateEnvironmentInput, status: 201, etag: true }, ({ ctx, input }) =>
  createEnvironment({ ctx, input: input.body }),
);
