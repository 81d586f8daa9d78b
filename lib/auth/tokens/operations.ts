import "server-only";
import { operation } from "@/lib/http/operation";
import { CreateTokenInput, TokenParams } from "./schemas";
import { createMyToken, listMyTokens, revokeMyToken } from "./token-verbs";

export const tokenOps = {
  listMyTokens: operation({ permission: "me.tokens.read", handler: ({ ctx }) => listMyTokens({ ctx, input: undefined }) }),
  createMyToken: operation({ permission: "me.tokens.update", body: CreateTokenInput, status: 201, handler: ({ ctx, input }) => createMyToken({ ctx, input: input.body }) }),
  revokeMyToken: operation({ permission: "me.tokens.update", params: TokenParams, handler: ({ ctx, input }) => revokeMyToken({ ctx, input: input.params }) }),
};
