import "server-only";
import { and, desc, eq, isNull, lt } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { notifications } from "@/lib/db/schema";
import { decodeIdCursor, toPage } from "@/lib/core/pagination";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { NotificationDto, NotificationsQuery } from "./schemas";
import { unreadCount } from "./unread-count";

/** The caller's own notifications, newest first, a page at a time; `unread` is capped at 999. */
export const listMyNotifications = verb(
  "me.notifications.list",
  "me.notifications.read",
  async ({ ctx, input }: VerbArgs<NotificationsQuery>) => {
    const userId = ctx.actor.id;
    const before = decodeIdCursor(input.cursor);
    const rows = await getDb()
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, userId),
          input.unread ? isNull(notifications.readAt) : undefined,
          before === undefined ? undefined : lt(notifications.id, before),
        ),
      )
      .orderBy(desc(notifications.id))
      .limit(input.limit + 1);
    const page = toPage(
      rows,
      input.limit,
      (r) => r.id,
      (r): NotificationDto => ({
        id: r.id,
        title: r.title,
        body: r.body,
        severity: r.severity,
        link: r.link,
        createdAt: r.createdAt.toISOString(),
        readAt: r.readAt?.toISOString() ?? null,
      }),
    );
    return { unread: await unreadCount(userId), ...page };
  },
);
