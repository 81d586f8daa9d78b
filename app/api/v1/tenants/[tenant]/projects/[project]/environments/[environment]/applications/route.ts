import { route } from "@/lib/http/route";
import { createApplication, CreateApplicationInput, EnvironmentParams, environmentScope, listApplications, ListQuery } from "@/lib/tenancy";

const scoped = { params: EnvironmentParams, scope: environmentScope } as const;

export const GET = route({ ...scoped, permission: "applications.read", query: ListQuery }, ({ ctx, input }) => listApplications({ ctx, input: input.query }));
export const POST = route({ ...scoped, permission: "applications.create", body: CreateApplicationInput, status: 201, etag: true }, ({ ctx, input }) =>
  createApplication({ ctx, input: input.body }),
);
