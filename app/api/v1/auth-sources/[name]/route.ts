import { authSourceOps as ops } from "@/lib/auth/sources/operations";
import { route } from "@/lib/http/route";

export const GET = route(ops.getAuthSource);
export const PATCH = route(ops.updateAuthSource);
export const DELETE = route(ops.deleteAuthSource);
