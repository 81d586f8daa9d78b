import { route } from "@/lib/http/route";
import { workloadOps as ops } from "@/lib/workloads/operations";

export const GET = route(ops.getObject);
export const PUT = route(ops.putObject);
export const DELETE = route(ops.deleteObject);
