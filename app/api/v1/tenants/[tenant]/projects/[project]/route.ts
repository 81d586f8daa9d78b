import { route } from "@/lib/http/route";
import { tenancyOps as ops } from "@/lib/tenancy/operations";

export const GET = route(ops.getProject);
export const PATCH = route(ops.updateProject);
export const DELETE = route(ops.deleteProject);
