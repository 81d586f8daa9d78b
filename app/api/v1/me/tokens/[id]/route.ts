import { tokenOps as ops } from "@/lib/auth/tokens/operations";
import { route } from "@/lib/http/route";

export const DELETE = route(ops.revokeMyToken);
