import { route } from "@/lib/http/route";
import { workloadOps as ops } from "@/lib/workloads/operations";

export const GET = route(ops.listObjects);
export const POST = route(ops.createObject);
