import { route } from "@/lib/http/route";
import { createTenant, CreateTenantInput, listTenants, ListQuery } from "@/lib/tenancy";

export const GET = route({ permission: "tenants.list", query: ListQuery }, ({ ctx, input }) => listTenants({ ctx, input: input.query }));
export const POST = route({ permission: "tenants.create", body: CreateTenantInput, status: 201, etag: true }, ({ ctx, input }) => createTenant({ ctx, input: input.body }));
