import "server-only";
import { operation } from "@/lib/core/operation";
import { listSandboxCredentials } from "./list-sandbox-credentials";
import { revokeSandboxCredential } from "./revoke-sandbox-credential";
import { ListSandboxCredentialsQuery, SandboxCredentialParams } from "./schemas";

export const sandboxCredentialOps = {
  listMySandboxCredentials: operation({
    verb: listSandboxCredentials,
    query: ListSandboxCredentialsQuery,
    handler: ({ ctx, input }) => listSandboxCredentials({ ctx, input: input.query }),
  }),
  revokeMySandboxCredential: operation({
    verb: revokeSandboxCredential,
    params: SandboxCredentialParams,
    handler: ({ ctx, input }) => revokeSandboxCredential({ ctx, input: input.params }),
  }),
};
