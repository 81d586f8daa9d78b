import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { getDb, type Executor } from "@/lib/db/client";
import { notifications } from "@/lib/db/schema";

/** Capped, so a user with a flood of alerts costs one bounded index scan. */
export const UNREAD_CAP = 999;

export async function unreadCount(userId: number, db: Executor = getDb()): Promise<number> {
  const sub = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .limit(UNREAD_CAP)
    .as("unread");
  const [row] = await db.select({ n: count() }).from(sub);
  return Number(row?.n ?? 0);
}
