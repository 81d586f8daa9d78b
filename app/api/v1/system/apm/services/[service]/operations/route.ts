import { route } from "@/lib/http/route";
import { telemetryOps as ops } from "@/lib/telemetry/operations";

export const GET = route(ops.systemApmOperations);
