import { route } from "@/lib/http/route";
import { catalogOps as ops } from "@/lib/models/catalog/operations";

export const POST = route(ops.checkModelSource);
