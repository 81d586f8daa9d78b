import { route } from "@/lib/http/route";
import { searchOps as ops } from "@/lib/search/operations";

export const GET = route(ops.searchConsole);
