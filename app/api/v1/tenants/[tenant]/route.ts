import { route } from "@/lib/http/route";
import { tenancyOps as ops } from "@/lib/tenancy/operations";

export const GET = route(ops.getTenant);
export const PATCH = route(ops.updateTenant);
export const DELETE = route(ops.deleteTenant);
