import "server-only";
import { operation } from "@/lib/core/operation";
import { CreateTokenInput, TokenParams } from "./schemas";
import { createMyToken } from "./create-my-token";
import { listMyTokens } from "./list-my-tokens";
import { revokeMyToken } from "./revoke-my-token";

export const tokenOps = {
  listMyTokens: operation({ verb: listMyTokens, handler: ({ ctx }) => listMyTokens({ ctx, input: undefined }) }),
  createMyToken: operation({
    verb: createMyToken,
    body: CreateTokenInput,
    status: 201,
    handler: ({ ctx, input }) => createMyToken({ ctx, input: input.body }),
  }),
  revokeMyToken: operation({
    verb: revokeMyToken,
    params: TokenParams,
    handler: ({ ctx, input }) => revokeMyToken({ ctx, input: input.params }),
  }),
};
