// Safe to import from client components: the signed-in user's in-app notifications (contract).
import { getJson } from "@/lib/query/get-json";
import { sendJson } from "@/lib/query/send-json";

export interface NotificationDto {
  id: number;
  title: string;
  body: string;
  severity: "critical" | "error" | "warning" | "info" | null;
  link: string | null;
  createdAt: string | number;
  readAt: string | number | null;
}

export const notificationsApi = {
  list: (unread?: boolean) => `/api/v1/me/notifications${unread ? "?unread=true" : ""}`,
  read: () => "/api/v1/me/notifications/read",
};

export const notificationKeys = { all: () => ["me", "notifications"] as const };

export const fetchNotifications = () => getJson<{ unread: number; items: NotificationDto[] }>(notificationsApi.list());
export const markRead = (body: { ids: number[] } | { all: true }) =>
  sendJson<{ unread: number }>("POST", notificationsApi.read(), body);
