import { tokenOps as ops } from "@/lib/auth/tokens/operations";
import { route } from "@/lib/http/route";

export const GET = route(ops.listMyTokens);
export const POST = route(ops.createMyToken);
