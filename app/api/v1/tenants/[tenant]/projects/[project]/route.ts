import { expectedVersionFrom } from "@/lib/http/if-match";
import { route } from "@/lib/http/route";
import { CascadeQuery, deleteProject, getProject, ProjectParams, projectScope, updateProject, UpdateProjectInput } from "@/lib/tenancy";

const scoped = { params: ProjectParams, scope: projectScope } as const;

export const GET = route({ ...scoped, permission: "projects.read", etag: true }, ({ ctx }) => getProject({ ctx, input: undefined }));
export const PATCH = route({ ...scoped, permission: "projects.update", body: UpdateProjectInput, etag: true }, ({ ctx, input, request }) =>
  updateProject({ ctx, input: { changes: input.body, expectedVersion: expectedVersionFrom(request.headers) } }),
);
export const DELETE = route({ ...scoped, permission: "projects.delete", query: CascadeQuery }, ({ ctx, input }) => deleteProject({ ctx, input: input.query }));
