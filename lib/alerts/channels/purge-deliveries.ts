import "server-only";
import { and, inArray, isNotNull, lt, or } from "drizzle-orm";
import type { ResultSetHeader } from "mysql2";
import { getDb } from "@/lib/db/client";
import { alertDeliveries, notifications } from "@/lib/db/schema";

const DAY = 86_400_000;
const CHUNK = 5_000;

/** Finished deliveries after 7 days; read notifications after 30, any after 90. In chunks. */
export async function purgeDeliveries(now = new Date()): Promise<{ deliveries: number; notifications: number }> {
  const db = getDb();
  const chunked = async (run: () => Promise<unknown>) => {
    let total = 0;
    for (;;) {
      const [r] = (await run()) as [ResultSetHeader];
      total += r.affectedRows;
      if (r.affectedRows < CHUNK) return total;
    }
  };
  const deliveries = await chunked(() =>
    db
      .delete(alertDeliveries)
      .where(
        and(
          inArray(alertDeliveries.state, ["delivered", "failed"]),
          lt(alertDeliveries.updatedAt, new Date(now.getTime() - 7 * DAY)),
        ),
      )
      .limit(CHUNK),
  );
  const read = await chunked(() =>
    db
      .delete(notifications)
      .where(
        or(
          and(isNotNull(notifications.readAt), lt(notifications.createdAt, new Date(now.getTime() - 30 * DAY))),
          lt(notifications.createdAt, new Date(now.getTime() - 90 * DAY)),
        ),
      )
      .limit(CHUNK),
  );
  return { deliveries, notifications: read };
}
