import { route } from "@/lib/http/route";
import { AddTenantMemberInput, addTenantMember, listTenantMembers, ListQuery, TenantParams, tenantScope } from "@/lib/tenancy";

const scoped = { params: TenantParams, scope: tenantScope } as const;

export const GET = route({ ...scoped, permission: "tenants.members.read", query: ListQuery }, ({ ctx, input }) => listTenantMembers({ ctx, input: input.query }));
export const POST = route({ ...scoped, permission: "tenants.members.update", body: AddTenantMemberInput, status: 201 }, ({ ctx, input }) =>
  addTenantMember({ ctx, input: input.body }),
);
