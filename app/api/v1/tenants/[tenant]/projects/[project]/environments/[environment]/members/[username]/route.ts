import { route } from "@/lib/http/route";
import { tenancyOps as ops } from "@/lib/tenancy/operations";

export const PUT = route(ops.setEnvironmentMemberRole);
export const DELETE = route(ops.removeEnvironmentMember);
