import { alertChannelOps as ops } from "@/lib/alerts/channels/operations";
import { route } from "@/lib/http/route";

export const GET = route(ops.getSystemAlertChannel);
export const PUT = route(ops.updateSystemAlertChannel);
export const DELETE = route(ops.deleteSystemAlertChannel);
