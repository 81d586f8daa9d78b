import { route } from "@/lib/http/route";
import { MemberParams, ProjectParams, projectScope, removeProjectMember, SetProjectRoleInput, setProjectMemberRole } from "@/lib/tenancy";

const scoped = { params: ProjectParams.extend(MemberParams.shape), scope: projectScope, permission: "projects.members.update" } as const;

export const PUT = route({ ...scoped, body: SetProjectRoleInput }, ({ ctx, input }) => setProjectMemberRole({ ctx, input: { username: input.params.username, role: input.body.role } }));
export const DELETE = route(scoped, ({ ctx, input }) => removeProjectMember({ ctx, input: { username: input.params.username } }));
