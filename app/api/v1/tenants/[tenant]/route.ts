import { expectedVersionFrom } from "@/lib/http/if-match";
import { route } from "@/lib/http/route";
import { CascadeQuery, deleteTenant, getTenant, TenantParams, tenantScope, updateTenant, UpdateTenantInput } from "@/lib/tenancy";

const scoped = { params: TenantParams, scope: tenantScope } as const;

export const GET = route({ ...scoped, permission: "tenants.read", etag: true }, ({ ctx }) => getTenant({ ctx, input: undefined }));
export const PATCH = route({ ...scoped, permission: "tenants.update", body: UpdateTenantInput, etag: true }, ({ ctx, input, request }) =>
  updateTenant({ ctx, input: { changes: input.body, expectedVersion: expectedVersionFrom(request.headers) } }),
);
export const DELETE = route({ ...scoped, permission: "tenants.delete", query: CascadeQuery }, ({ ctx, input }) => deleteTenant({ ctx, input: input.query }));
