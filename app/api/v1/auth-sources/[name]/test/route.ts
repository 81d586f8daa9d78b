import { authSourceOps as ops } from "@/lib/auth/sources/operations";
import { route } from "@/lib/http/route";

export const POST = route(ops.testAuthSource);
