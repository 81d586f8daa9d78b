import { configOps as ops } from "@/lib/config-center/operations";
import { route } from "@/lib/http/route";

export const GET = route(ops.getClusterConfigBackend);
export const PUT = route(ops.setClusterConfigBackend);
