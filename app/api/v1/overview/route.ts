import { route } from "@/lib/http/route";
import { overviewOps as ops } from "@/lib/overview/operations";

export const GET = route(ops.getOverview);
