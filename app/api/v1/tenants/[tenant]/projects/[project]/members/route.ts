import { route } from "@/lib/http/route";
import { AddProjectMemberInput, addProjectMember, listProjectMembers, ListQuery, ProjectParams, projectScope } from "@/lib/tenancy";

const scoped = { params: ProjectParams, scope: projectScope } as const;

export const GET = route({ ...scoped, permission: "projects.members.read", query: ListQuery }, ({ ctx, input }) => listProjectMembers({ ctx, input: input.query }));
export const POST = route({ ...scoped, permission: "projects.members.update", body: AddProjectMemberInput, status: 201 }, ({ ctx, input }) =>
  addProjectMember({ ctx, input: input.body }),
);
