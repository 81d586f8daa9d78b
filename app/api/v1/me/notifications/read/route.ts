import { route } from "@/lib/http/route";
import { notificationOps as ops } from "@/lib/notifications/operations";

export const POST = route(ops.markNotificationsRead);
