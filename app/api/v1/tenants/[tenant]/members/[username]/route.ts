import { route } from "@/lib/http/route";
import { MemberParams, removeTenantMember, SetTenantRoleInput, setTenantMemberRole, TenantParams, tenantScope } from "@/lib/tenancy";

const scoped = { params: TenantParams.extend(MemberParams.shape), scope: tenantScope, permission: "tenants.members.update" } as const;

export const PUT = route({ ...scoped, body: SetTenantRoleInput }, ({ ctx, input }) => setTenantMemberRole({ ctx, input: { username: input.params.username, role: input.body.role } }));
export const DELETE = route(scoped, ({ ctx, input }) => removeTenantMember({ ctx, input: { username: input.params.username } }));
