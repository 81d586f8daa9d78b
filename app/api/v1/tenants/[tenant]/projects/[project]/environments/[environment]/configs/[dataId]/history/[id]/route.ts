import { route } from "@/lib/http/route";
import { configOps as ops } from "@/lib/config-center/operations";

export const GET = route(ops.getConfigHistory);
