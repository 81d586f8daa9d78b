import { alertChannelOps as ops } from "@/lib/alerts/channels/operations";
import { route } from "@/lib/http/route";

export const GET = route(ops.getTenantAlertChannel);
export const PUT = route(ops.updateTenantAlertChannel);
export const DELETE = route(ops.deleteTenantAlertChannel);
