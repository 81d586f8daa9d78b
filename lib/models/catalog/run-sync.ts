import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { modelSources } from "@/lib/db/schema";
import { getDb } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { logger } from "@/lib/observability/logger";
import { importRegistryModels } from "./import-registry-models";
import { savePage } from "./sync-page";
import { pagerFor } from "./sync-sources";

/** The syncs this process runs, by source id: DELETE aborts the page in flight here at once. */
const running = new Map<number, AbortController>();

export const isRunningHere = (sourceId: number) => running.has(sourceId);
export const abortHere = (sourceId: number) => running.get(sourceId)?.abort();

class Stopped extends Error {}

/**
 * The background job of one source's sync. Each page commits its models with the progress and
 * the cursor of the page after it, so a stop or a crash resumes from there. A DELETE (from any
 * process) marks the row `stopping`; the job sees it after each page and stops.
 */
export function launchSync(sourceId: number): Promise<void> {
  const controller = new AbortController();
  running.set(sourceId, controller);
  return runSync(sourceId, controller.signal)
    .catch(async (error: unknown) => {
      const stopped = error instanceof Stopped || controller.signal.aborted;
      const message = error instanceof Error ? error.message : String(error);
      if (!stopped) logger.warn({ err: error, sourceId }, "model source sync failed");
      await getDb()
        .update(modelSources)
        .set(stopped ? { syncState: "stopped" } : { syncState: "failed", syncError: message.slice(0, 1024) })
        .where(and(eq(modelSources.id, sourceId), sql`sync_state IN ('running', 'stopping')`))
        .catch((e: unknown) => logger.error({ err: e, sourceId }, "could not record the sync's end"));
    })
    .finally(() => running.delete(sourceId));
}

async function runSync(sourceId: number, signal: AbortSignal): Promise<void> {
  const [source] = await getDb().select().from(modelSources).where(eq(modelSources.id, sourceId));
  if (!source) return;
  const pager = await pagerFor(source);
  if (pager === "registry") {
    if (source.url) throw new Error("Syncing a remote modelx registry is not supported; only Facet's own (url null).");
    await inTransaction(async (tx) => {
      const n = await importRegistryModels(tx, sourceId);
      await tx
        .update(modelSources)
        .set({ syncState: "done", syncDone: n, syncTotal: n, syncCursor: null, syncedAt: new Date() })
        .where(eq(modelSources.id, sourceId));
    });
    return;
  }
  let cursor = source.syncCursor;
  for (;;) {
    if (signal.aborted) throw new Stopped();
    const page = await pager(source.url, cursor, signal);
    const finished = await inTransaction(async (tx) => {
      const [now] = await tx
        .select({ state: modelSources.syncState })
        .from(modelSources)
        .where(eq(modelSources.id, sourceId))
        .for("update");
      // A page fetched after a stop still counts: it is saved with the cursor after it.
      await savePage(tx, sourceId, page.models);
      const last = page.next === null;
      await tx
        .update(modelSources)
        .set({
          syncDone: sql`sync_done + ${page.units}`,
          syncTotal: page.total ?? (last ? sql`sync_done` : null),
          syncCursor: page.next,
          ...(last
            ? { syncState: "done" as const, syncedAt: new Date() }
            : now?.state === "stopping"
              ? { syncState: "stopped" as const }
              : {}),
        })
        .where(eq(modelSources.id, sourceId));
      return last || now?.state !== "running";
    });
    if (finished) return;
    cursor = page.next;
  }
}
