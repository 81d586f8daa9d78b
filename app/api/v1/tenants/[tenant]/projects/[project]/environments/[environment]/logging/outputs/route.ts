import { route } from "@/lib/http/route";
import { loggingOps as ops } from "@/lib/logging/operations";

export const GET = route(ops.listLoggingOutputs);
export const POST = route(ops.createLoggingOutput);
