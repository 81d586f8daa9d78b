import { route } from "@/lib/http/route";
import { loggingOps as ops } from "@/lib/logging/operations";

export const GET = route(ops.listClusterOutputs);
export const POST = route(ops.createClusterOutput);
