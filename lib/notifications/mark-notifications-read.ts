import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { inTransaction } from "@/lib/db/transaction";
import { notifications } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { MarkReadBody } from "./schemas";
import { unreadCount } from "./unread-count";

/** Marks the caller's own notifications read; ids of anyone else's match no row and change nothing.
 *  Not audited: it changes only the caller's own view, like reading mail. */
export const markNotificationsRead = verb(
  "me.notifications.read-mark",
  "me.notifications.update",
  async ({ ctx, input }: VerbArgs<MarkReadBody>) =>
    inTransaction(async (tx) => {
      const userId = ctx.actor.id;
      await tx
        .update(notifications)
        .set({ readAt: new Date() })
        .where(
          and(
            eq(notifications.userId, userId),
            isNull(notifications.readAt),
            "ids" in input ? inArray(notifications.id, input.ids) : undefined,
          ),
        );
      return { unread: await unreadCount(userId, tx) };
    }),
);
