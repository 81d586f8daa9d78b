import { route } from "@/lib/http/route";
import { tenancyOps as ops } from "@/lib/tenancy/operations";

export const GET = route(ops.getApplication);
export const PATCH = route(ops.updateApplication);
export const DELETE = route(ops.deleteApplication);
