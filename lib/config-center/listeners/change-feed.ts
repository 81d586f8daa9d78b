import "server-only";
import { and, asc, desc, eq, gt, or } from "drizzle-orm";
import { processSingleton } from "@/lib/cache";
import { getDb } from "@/lib/db/client";
import { configHistory, configItems } from "@/lib/db/schema";
import { logger } from "@/lib/observability/logger";
import { listenerHub } from "./hub";

/*
 * Wakes this process's held listeners for changes committed by any replica. config_history
 * already has a row, with an increasing id, for every publish, delete and rollback, written in
 * the change's transaction: one timer per process reads the ids past the last one it saw.
 * Ids can commit out of order, so each read looks LOOKBACK ids behind and skips those seen.
 * The writing process also wakes its own listeners at once (notify after commit); a second
 * notify with the same MD5 is a no-op. Listeners hear each changed key's current MD5, never a
 * replayed older one: two unseen rows of one key (or one committed out of order) would
 * otherwise wake a client that already holds the newest content.
 */
const POLL_MS = Number(process.env.FACET_CONFIG_FEED_MS ?? 250);
const LOOKBACK = 256;
const BATCH = 1_000;

interface Feed {
  cursor: number | null;
  seen: Set<number>;
}

async function poll(feed: Feed): Promise<void> {
  const db = getDb();
  if (feed.cursor === null) {
    // Changes committed before this process listened woke nobody here: start past them.
    const [last] = await db
      .select({ id: configHistory.id })
      .from(configHistory)
      .orderBy(desc(configHistory.id))
      .limit(1);
    feed.cursor = last?.id ?? 0;
    const before = await db
      .select({ id: configHistory.id })
      .from(configHistory)
      .where(gt(configHistory.id, Math.max(0, feed.cursor - LOOKBACK)));
    for (const row of before) feed.seen.add(row.id);
    return;
  }
  const from = Math.max(0, feed.cursor - LOOKBACK);
  const rows = await db
    .select({
      id: configHistory.id,
      environmentId: configHistory.environmentId,
      dataId: configHistory.dataId,
    })
    .from(configHistory)
    .where(gt(configHistory.id, from))
    .orderBy(asc(configHistory.id))
    .limit(BATCH);
  const changed = new Map<string, { environmentId: number; dataId: string }>();
  for (const row of rows) {
    if (feed.seen.has(row.id)) continue;
    feed.seen.add(row.id);
    changed.set(`${row.environmentId}\u0002${row.dataId}`, { environmentId: row.environmentId, dataId: row.dataId });
  }
  if (changed.size) {
    const current = await db
      .select({ environmentId: configItems.environmentId, dataId: configItems.dataId, md5: configItems.md5 })
      .from(configItems)
      .where(
        or(
          ...[...changed.values()].map((k) =>
            and(eq(configItems.environmentId, k.environmentId), eq(configItems.dataId, k.dataId)),
          ),
        ),
      );
    const md5Of = new Map(current.map((c) => [`${c.environmentId}\u0002${c.dataId}`, c.md5]));
    const hub = listenerHub();
    // A deleted config's MD5 is "" (what a client holding nothing sends).
    for (const [key, k] of changed) hub.notify(k.environmentId, k.dataId, md5Of.get(key) ?? "");
  }
  feed.cursor = Math.max(feed.cursor, rows.at(-1)?.id ?? 0);
  for (const id of feed.seen) if (id <= feed.cursor - LOOKBACK) feed.seen.delete(id);
}

/** Starts this process's poll of committed config changes, once; resolves when the feed knows
 *  where it starts, so a listener registered after that misses no change. */
export function followConfigChanges(): Promise<void> {
  return processSingleton("config-change-feed", () => {
    const feed: Feed = { cursor: null, seen: new Set() };
    let running: Promise<void> | null = null;
    const tick = () =>
      (running ??= poll(feed)
        .catch((error) => logger.warn({ err: error }, "config change feed read failed"))
        .finally(() => (running = null)));
    setInterval(tick, POLL_MS).unref();
    return tick();
  });
}
