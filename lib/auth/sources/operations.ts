import "server-only";
import { operation } from "@/lib/http/operation";
import { AuthSourceParams, CreateAuthSourceInput, UpdateAuthSourceInput } from "./schemas";
import { createAuthSource, deleteAuthSource, getAuthSource, listAuthSources, testAuthSource, updateAuthSource } from "./source-verbs";

export const authSourceOps = {
  listAuthSources: operation({ permission: "auth-sources.read", handler: ({ ctx }) => listAuthSources({ ctx, input: undefined }) }),
  createAuthSource: operation({ permission: "auth-sources.create", body: CreateAuthSourceInput, status: 201, etag: true, handler: ({ ctx, input }) => createAuthSource({ ctx, input: input.body }) }),
  getAuthSource: operation({ permission: "auth-sources.read", params: AuthSourceParams, etag: true, handler: ({ ctx, input }) => getAuthSource({ ctx, input: input.params }) }),
  updateAuthSource: operation({
    permission: "auth-sources.update",
    params: AuthSourceParams,
    body: UpdateAuthSourceInput,
    etag: true,
    handler: ({ ctx, input, expectedVersion }) => updateAuthSource({ ctx, input: { name: input.params.name, changes: input.body, expectedVersion } }),
  }),
  deleteAuthSource: operation({ permission: "auth-sources.delete", params: AuthSourceParams, handler: ({ ctx, input }) => deleteAuthSource({ ctx, input: input.params }) }),
  testAuthSource: operation({ permission: "auth-sources.update", params: AuthSourceParams, handler: ({ ctx, input }) => testAuthSource({ ctx, input: input.params }) }),
};
