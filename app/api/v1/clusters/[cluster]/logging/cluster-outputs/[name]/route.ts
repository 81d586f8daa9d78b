import { route } from "@/lib/http/route";
import { loggingOps as ops } from "@/lib/logging/operations";

export const GET = route(ops.getClusterOutput);
export const PUT = route(ops.updateClusterOutput);
export const DELETE = route(ops.deleteClusterOutput);
