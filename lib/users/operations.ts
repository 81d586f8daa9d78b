import "server-only";
import { operation } from "@/lib/http/operation";
import { ListQuery } from "@/lib/tenancy/schemas";
import { getMe } from "./get-me";
import { CreateUserInput, UpdateUserInput, UserParams } from "./schemas";
import { createUser, deleteUser, getUser, listUsers, updateUser } from "./user-verbs";

export const userOps = {
  listUsers: operation({ permission: "users.read", query: ListQuery, handler: ({ ctx, input }) => listUsers({ ctx, input: input.query }) }),
  createUser: operation({ permission: "users.create", body: CreateUserInput, status: 201, etag: true, handler: ({ ctx, input }) => createUser({ ctx, input: input.body }) }),
  getUser: operation({ permission: "users.read", params: UserParams, etag: true, handler: ({ ctx, input }) => getUser({ ctx, input: input.params }) }),
  updateUser: operation({
    permission: "users.update",
    params: UserParams,
    body: UpdateUserInput,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) => updateUser({ ctx, input: { username: input.params.username, changes: input.body, expectedVersion } }),
  }),
  deleteUser: operation({ permission: "users.delete", params: UserParams, handler: ({ ctx, input }) => deleteUser({ ctx, input: input.params }) }),
  getMe: operation({ permission: "me.read", handler: ({ ctx }) => getMe({ ctx }) }),
};
