import { route } from "@/lib/http/route";
import { loggingOps as ops } from "@/lib/logging/operations";

export const POST = route(ops.validateLoggingObject);
