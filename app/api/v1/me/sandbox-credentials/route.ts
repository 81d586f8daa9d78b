import { sandboxCredentialOps as ops } from "@/lib/clusters/sandbox-credentials/operations";
import { route } from "@/lib/http/route";

export const GET = route(ops.listMySandboxCredentials);
