import { expectedVersionFrom } from "@/lib/http/if-match";
import { route } from "@/lib/http/route";
import { deleteEnvironment, EnvironmentParams, environmentScope, getEnvironment, updateEnvironment, UpdateEnvironmentInput } from "@/lib/tenancy";

const scoped = { params: EnvironmentParams, scope: environmentScope } as const;

export const GET = route({ ...scoped, permission: "environments.read", etag: true }, ({ ctx }) => getEnvironment({ ctx, input: undefined }));
export const PATCH = route({ ...scoped, permission: "environments.update", body: UpdateEnvironmentInput, etag: true }, ({ ctx, input, request }) =>
  updateEnvironment({ ctx, input: { changes: input.body, expectedVersion: expectedVersionFrom(request.headers) } }),
);
export const DELETE = route({ ...scoped, permission: "environments.delete" }, ({ ctx }) => deleteEnvironment({ ctx, input: undefined }));
