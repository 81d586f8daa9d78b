import { route } from "@/lib/http/route";
import { probesOps as ops } from "@/lib/probes/operations";

export const GET = route(ops.getProbe);
export const PUT = route(ops.updateProbe);
export const DELETE = route(ops.deleteProbe);
