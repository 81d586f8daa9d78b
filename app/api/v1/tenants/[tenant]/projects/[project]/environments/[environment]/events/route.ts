import { route } from "@/lib/http/route";
import { workloadOps as ops } from "@/lib/workloads/operations";

export const GET = route(ops.listEvents);
