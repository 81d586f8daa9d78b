import "server-only";
import { operation } from "@/lib/http/operation";
import { listSandboxCredentials } from "./list-sandbox-credentials";
import { revokeSandboxCredential } from "./revoke-sandbox-credential";
import { ListSandboxCredentialsQuery, SandboxCredentialParams } from "./schemas";

export const sandboxCredentialOps = {
  listMySandboxCredentials: operation({ permission: "me.tokens.read", query: ListSandboxCredentialsQuery, handler: ({ ctx, input }) => listSandboxCredentials({ ctx, input: input.query }) }),
  revokeMySandboxCredential: operation({ permission: "me.tokens.update", params: SandboxCredentialParams, handler: ({ ctx, input }) => revokeSandboxCredential({ ctx, input: input.params }) }),
};
