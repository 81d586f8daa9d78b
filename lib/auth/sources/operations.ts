import "server-only";
import { operation } from "@/lib/core/operation";
import { AuthSourceParams, CreateAuthSourceInput, UpdateAuthSourceInput } from "./schemas";
import { createAuthSource } from "./create-auth-source";
import { deleteAuthSource } from "./delete-auth-source";
import { getAuthSource } from "./get-auth-source";
import { listAuthSources } from "./list-auth-sources";
import { testAuthSource } from "./test-auth-source";
import { updateAuthSource } from "./update-auth-source";

export const authSourceOps = {
  listAuthSources: operation({
    verb: listAuthSources,
    handler: ({ ctx }) => listAuthSources({ ctx, input: undefined }),
  }),
  createAuthSource: operation({
    verb: createAuthSource,
    body: CreateAuthSourceInput,
    status: 201,
    etag: true,
    handler: ({ ctx, input }) => createAuthSource({ ctx, input: input.body }),
  }),
  getAuthSource: operation({
    verb: getAuthSource,
    params: AuthSourceParams,
    etag: true,
    handler: ({ ctx, input }) => getAuthSource({ ctx, input: input.params }),
  }),
  updateAuthSource: operation({
    verb: updateAuthSource,
    params: AuthSourceParams,
    body: UpdateAuthSourceInput,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) =>
      updateAuthSource({ ctx, input: { name: input.params.name, changes: input.body, expectedVersion } }),
  }),
  deleteAuthSource: operation({
    verb: deleteAuthSource,
    params: AuthSourceParams,
    handler: ({ ctx, input }) => deleteAuthSource({ ctx, input: input.params }),
  }),
  testAuthSource: operation({
    verb: testAuthSource,
    params: AuthSourceParams,
    handler: ({ ctx, input }) => testAuthSource({ ctx, input: input.params }),
  }),
};
