import { route } from "@/lib/http/route";
import { tenancyOps as ops } from "@/lib/tenancy/operations";

export const PUT = route(ops.setProjectMemberRole);
export const DELETE = route(ops.removeProjectMember);
