import { route } from "@/lib/http/route";
import { loggingOps as ops } from "@/lib/logging/operations";

export const GET = route(ops.getLoggingFlow);
export const PUT = route(ops.updateLoggingFlow);
export const DELETE = route(ops.deleteLoggingFlow);
