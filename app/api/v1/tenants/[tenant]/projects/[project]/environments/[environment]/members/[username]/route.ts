import { route } from "@/lib/http/route";
import { EnvironmentParams, environmentScope, MemberParams, removeEnvironmentMember, SetEnvironmentRoleInput, setEnvironmentMemberRole } from "@/lib/tenancy";

const scoped = { params: EnvironmentParams.extend(MemberParams.shape), scope: environmentScope, permission: "environments.members.update" } as const;

export const PUT = route({ ...scoped, body: SetEnvironmentRoleInput }, ({ ctx, input }) =>
  setEnvironmentMemberRole({ ctx, input: { username: input.params.username, role: input.body.role } }),
);
export const DELETE = route(scoped, ({ ctx, input }) => removeEnvironmentMember({ ctx, input: { username: input.params.username } }));
