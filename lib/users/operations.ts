import "server-only";
import { operation } from "@/lib/core/operation";
import { ListQuery } from "@/lib/tenancy/schemas";
import { getMe } from "./get-me";
import { CreateUserInput, UpdateUserInput, UserParams } from "./schemas";
import { createUser } from "./create-user";
import { deleteUser } from "./delete-user";
import { getUser } from "./get-user";
import { listUsers } from "./list-users";
import { updateUser } from "./update-user";

export const userOps = {
  listUsers: operation({
    verb: listUsers,
    query: ListQuery,
    handler: ({ ctx, input }) => listUsers({ ctx, input: input.query }),
  }),
  createUser: operation({
    verb: createUser,
    body: CreateUserInput,
    status: 201,
    etag: true,
    handler: ({ ctx, input }) => createUser({ ctx, input: input.body }),
  }),
  getUser: operation({
    verb: getUser,
    params: UserParams,
    etag: true,
    handler: ({ ctx, input }) => getUser({ ctx, input: input.params }),
  }),
  updateUser: operation({
    verb: updateUser,
    params: UserParams,
    body: UpdateUserInput,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) =>
      updateUser({ ctx, input: { username: input.params.username, changes: input.body, expectedVersion } }),
  }),
  deleteUser: operation({
    verb: deleteUser,
    params: UserParams,
    handler: ({ ctx, input }) => deleteUser({ ctx, input: input.params }),
  }),
  getMe: operation({ verb: getMe, handler: ({ ctx }) => getMe({ ctx, input: undefined }) }),
};
