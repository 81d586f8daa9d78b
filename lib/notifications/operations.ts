import "server-only";
import { operation } from "@/lib/core/operation";
import { listMyNotifications } from "./list-my-notifications";
import { markNotificationsRead } from "./mark-notifications-read";
import { MarkReadBody, NotificationsQuery } from "./schemas";

// The bell: GET /api/v1/me/notifications, POST /api/v1/me/notifications/read.
export const notificationOps = {
  listMyNotifications: operation({
    verb: listMyNotifications,
    query: NotificationsQuery,
    handler: ({ ctx, input }) => listMyNotifications({ ctx, input: input.query }),
  }),
  markNotificationsRead: operation({
    verb: markNotificationsRead,
    body: MarkReadBody,
    handler: ({ ctx, input }) => markNotificationsRead({ ctx, input: input.body }),
  }),
};
