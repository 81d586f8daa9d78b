import { route } from "@/lib/http/route";
import { probesOps as ops } from "@/lib/probes/operations";

export const GET = route(ops.getProbeObject);
