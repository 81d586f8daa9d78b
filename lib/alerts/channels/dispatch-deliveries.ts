import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { ResultSetHeader } from "mysql2";
import { getDb } from "@/lib/db/client";
import { alertChannels, alertDeliveries } from "@/lib/db/schema";
import { logger } from "@/lib/observability/logger";
import type { DeliveryGroup } from "./delivery-group";
import { SEND_TIMEOUT_MS, sendLoaded } from "./senders/send-group";

const num = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export interface DispatchOptions {
  now?: Date;
  /** Deliveries taken per round. */
  limit?: number;
  /** Sends in flight at once. */
  concurrency?: number;
  timeoutMs?: number;
  /** Backoff: base × 2^(attempt−1), at most maxMs; given up after maxAttempts. */
  baseMs?: number;
  maxMs?: number;
  maxAttempts?: number;
}

export const dispatchSettings = () => ({
  baseMs: num("FACET_ALERT_RETRY_BASE_MS", 5_000),
  maxMs: num("FACET_ALERT_RETRY_MAX_MS", 600_000),
  maxAttempts: num("FACET_ALERT_MAX_ATTEMPTS", 10),
  concurrency: num("FACET_ALERT_SEND_CONCURRENCY", 4),
});

export const backoffMs = (attempt: number, baseMs: number, maxMs: number) =>
  Math.min(baseMs * 2 ** Math.max(0, attempt - 1), maxMs);

export interface DispatchResult {
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * Sends the deliveries that are due. Each is claimed first (attempt counted, next try pushed
 * past the send's timeout), so a process that dies mid-send leaves it to be retried, never lost,
 * and two rounds never send the same row at once.
 */
export async function dispatchDeliveries(options: DispatchOptions = {}): Promise<DispatchResult> {
  const s = { ...dispatchSettings(), timeoutMs: SEND_TIMEOUT_MS(), limit: 50, ...options };
  const now = options.now ?? new Date();
  const db = getDb();
  const due = await db
    .select({ id: alertDeliveries.id, nextAttemptAt: alertDeliveries.nextAttemptAt })
    .from(alertDeliveries)
    .where(and(eq(alertDeliveries.state, "pending"), lte(alertDeliveries.nextAttemptAt, now)))
    .orderBy(asc(alertDeliveries.nextAttemptAt))
    .limit(s.limit);
  const lease = new Date(now.getTime() + s.timeoutMs + 30_000);
  const claimed: number[] = [];
  for (const d of due) {
    const [result] = (await db
      .update(alertDeliveries)
      .set({ attempts: sql`${alertDeliveries.attempts} + 1`, nextAttemptAt: lease })
      .where(
        and(
          eq(alertDeliveries.id, d.id),
          eq(alertDeliveries.state, "pending"),
          eq(alertDeliveries.nextAttemptAt, d.nextAttemptAt),
        ),
      )) as unknown as [ResultSetHeader];
    if (result.affectedRows === 1) claimed.push(d.id);
  }
  const result: DispatchResult = { delivered: 0, retrying: 0, failed: 0 };
  if (!claimed.length) return result;
  const rows = await db
    .select({ delivery: alertDeliveries, channel: alertChannels })
    .from(alertDeliveries)
    .innerJoin(alertChannels, eq(alertChannels.id, alertDeliveries.channelId))
    .where(inArray(alertDeliveries.id, claimed));

  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const { delivery, channel } = rows[next++];
      const sent = await sendLoaded(channel, delivery.payload as unknown as DeliveryGroup, s.timeoutMs);
      const at = new Date();
      if (sent.ok) {
        result.delivered++;
        await db
          .update(alertDeliveries)
          .set({ state: "delivered", deliveredAt: at, lastError: null, lastStatus: sent.status })
          .where(eq(alertDeliveries.id, delivery.id));
      } else {
        const giveUp = delivery.attempts >= s.maxAttempts;
        if (giveUp) result.failed++;
        else result.retrying++;
        const error = (sent.error ?? "failed").slice(0, 1000);
        await db
          .update(alertDeliveries)
          .set({
            state: giveUp ? "failed" : "pending",
            lastError: error,
            lastStatus: sent.status,
            nextAttemptAt: giveUp ? at : new Date(at.getTime() + backoffMs(delivery.attempts, s.baseMs, s.maxMs)),
          })
          .where(eq(alertDeliveries.id, delivery.id));
        if (giveUp)
          logger.warn({ channel: channel.name, attempts: delivery.attempts, error }, "alert delivery given up");
      }
      // The channel shows its last outcome; updated_at stays the last edit's.
      await db
        .update(alertChannels)
        .set(
          sent.ok
            ? { lastDeliveryAt: at, lastError: null, updatedAt: sql`${alertChannels.updatedAt}` }
            : { lastError: (sent.error ?? "failed").slice(0, 1000), updatedAt: sql`${alertChannels.updatedAt}` },
        )
        .where(eq(alertChannels.id, channel.id));
    }
  };
  await Promise.all(Array.from({ length: Math.min(s.concurrency, rows.length) }, worker));
  return result;
}
