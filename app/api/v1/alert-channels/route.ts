import { alertChannelOps as ops } from "@/lib/alerts/channels/operations";
import { route } from "@/lib/http/route";

export const GET = route(ops.listSystemAlertChannels);
export const POST = route(ops.createSystemAlertChannel);
