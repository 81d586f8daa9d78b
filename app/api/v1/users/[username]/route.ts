import { expectedVersionFrom } from "@/lib/http/if-match";
import { route } from "@/lib/http/route";
import { deleteUser, getUser, updateUser } from "@/lib/users";
import { UpdateUserInput, UserParams } from "@/lib/users/schemas";

export const GET = route({ permission: "users.read", params: UserParams, etag: true }, ({ ctx, input }) => getUser({ ctx, input: input.params }));
export const PATCH = route({ permission: "users.update", params: UserParams, body: UpdateUserInput, etag: true }, ({ ctx, input, request }) =>
  updateUser({ ctx, input: { username: input.params.username, changes: input.body, expectedVersion: expectedVersionFrom(request.headers) } }),
);
export const DELETE = route({ permission: "users.delete", params: UserParams }, ({ ctx, input }) => deleteUser({ ctx, input: input.params }));
