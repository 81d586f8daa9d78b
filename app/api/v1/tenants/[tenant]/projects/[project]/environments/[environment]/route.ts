import { route } from "@/lib/http/route";
import { tenancyOps as ops } from "@/lib/tenancy/operations";

export const GET = route(ops.getEnvironment);
export const PATCH = route(ops.updateEnvironment);
export const DELETE = route(ops.deleteEnvironment);
