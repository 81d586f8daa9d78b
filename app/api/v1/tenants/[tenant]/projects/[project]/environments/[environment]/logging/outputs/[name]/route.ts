import { route } from "@/lib/http/route";
import { loggingOps as ops } from "@/lib/logging/operations";

export const GET = route(ops.getLoggingOutput);
export const PUT = route(ops.updateLoggingOutput);
export const DELETE = route(ops.deleteLoggingOutput);
