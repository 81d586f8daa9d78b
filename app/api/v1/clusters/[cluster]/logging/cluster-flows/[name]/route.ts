import { route } from "@/lib/http/route";
import { loggingOps as ops } from "@/lib/logging/operations";

export const GET = route(ops.getClusterFlow);
export const PUT = route(ops.updateClusterFlow);
export const DELETE = route(ops.deleteClusterFlow);
