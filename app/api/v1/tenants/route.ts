import { route } from "@/lib/http/route";
import { tenancyOps as ops } from "@/lib/tenancy/operations";

export const GET = route(ops.listTenants);
export const POST = route(ops.createTenant);
