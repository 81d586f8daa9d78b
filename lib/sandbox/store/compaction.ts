import "server-only";
import { and, lte, max, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { sandboxWatchEvents } from "@/lib/db/schema";
import { ensureState, lockState } from "./state";

const DEFAULT_RETENTION_MS = 10 * 60 * 1000;

/**
 * Drops watch-log rows older than the retention window. A watch or continue token from before
 * the newest dropped version then answers 410 Expired, as an etcd compaction does.
 */
export async function compactWatchLog(options: { olderThan?: Date } = {}): Promise<number> {
  const cutoff = options.olderThan ?? new Date(Date.now() - DEFAULT_RETENTION_MS);
  const db = getDb();
  await ensureState(db);
  return db.transaction(async (tx) => {
    await lockState(tx);
    const [row] = await tx
      .select({ upTo: max(sandboxWatchEvents.resourceVersion) })
      .from(sandboxWatchEvents)
      .where(lte(sandboxWatchEvents.createdAt, cutoff));
    const upTo = Number(row?.upTo ?? 0);
    if (!upTo) return 0;
    await tx.delete(sandboxWatchEvents).where(and(lte(sandboxWatchEvents.resourceVersion, upTo)));
    await tx.execute(
      sql`UPDATE sandbox_state SET compacted_version = GREATEST(compacted_version, ${upTo}) WHERE id = 1`,
    );
    return upTo;
  });
}
