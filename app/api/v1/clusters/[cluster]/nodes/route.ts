import { route } from "@/lib/http/route";
import { usageOps as ops } from "@/lib/usage/operations";

export const GET = route(ops.listNodes);
