import { route } from "@/lib/http/route";
import { usageOps as ops } from "@/lib/usage/operations";

export const POST = route(ops.cordonNode);
