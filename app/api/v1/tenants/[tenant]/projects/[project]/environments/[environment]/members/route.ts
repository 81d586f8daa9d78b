import { route } from "@/lib/http/route";
import { AddEnvironmentMemberInput, addEnvironmentMember, EnvironmentParams, environmentScope, listEnvironmentMembers, ListQuery } from "@/lib/tenancy";

const scoped = { params: EnvironmentParams, scope: environmentScope } as const;

export const GET = route({ ...scoped, permission: "environments.members.read", query: ListQuery }, ({ ctx, input }) =>
  listEnvironmentMembers({ ctx, input: input.query }),
);
export const POST = route({ ...scoped, permission: "environments.members.update", body: AddEnvironmentMemberInput, status: 201 }, ({ ctx, input }) =>
  addEnvironmentMember({ ctx, input: input.body }),
);
