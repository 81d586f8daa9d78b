import { route } from "@/lib/http/route";
import { loggingOps as ops } from "@/lib/logging/operations";

export const PUT = route(ops.setLoggingCollectAll);
