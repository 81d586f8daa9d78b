import { expectedVersionFrom } from "@/lib/http/if-match";
import { route } from "@/lib/http/route";
import { ApplicationParams, deleteApplication, environmentScope, getApplication, updateApplication, UpdateApplicationInput } from "@/lib/tenancy";

const scoped = { params: ApplicationParams, scope: environmentScope } as const;

export const GET = route({ ...scoped, permission: "applications.read", etag: true }, ({ ctx, input }) => getApplication({ ctx, input: { name: input.params.application } }));
export const PATCH = route({ ...scoped, permission: "applications.update", body: UpdateApplicationInput, etag: true }, ({ ctx, input, request }) =>
  updateApplication({ ctx, input: { name: input.params.application, changes: input.body, expectedVersion: expectedVersionFrom(request.headers) } }),
);
export const DELETE = route({ ...scoped, permission: "applications.delete" }, ({ ctx, input }) => deleteApplication({ ctx, input: { name: input.params.application } }));
