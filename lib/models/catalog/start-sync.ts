import "server-only";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { modelSources } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { findSource } from "./find-source";
import { isRunningHere, launchSync } from "./run-sync";
import { syncStatus } from "./sync-status";

/** A sync that has not committed a page for this long died with its process; another may take over. */
export const STALE_SYNC_MS = 5 * 60_000;

/**
 * Starts a source's sync in this process, or resumes a stopped or failed one from its cursor.
 * The row's sync_state, locked and set to `running` in one transaction, is the guard: one sync
 * per source across all processes.
 */
export const startSync = verb(
  "models.sources.sync.start",
  "models.admin",
  async ({ ctx, input }: VerbArgs<{ source: string }>) => {
    const status = await inTransaction(async (tx) => {
      const found = await findSource(input.source, tx);
      const [row] = await tx.select().from(modelSources).where(eq(modelSources.id, found.id)).for("update");
      const busy = row.syncState === "running" || row.syncState === "stopping";
      const stale = Date.now() - row.updatedAt.getTime() > STALE_SYNC_MS && !isRunningHere(row.id);
      if (busy && !stale) throw new AppError("CONFLICT", `A sync of ${row.name} is already ${row.syncState}.`);
      if (!row.enabled) throw new AppError("PRECONDITION_FAILED", `The source ${row.name} is disabled.`);
      const resume = row.syncCursor !== null && row.syncState !== "done";
      const next = {
        syncState: "running" as const,
        syncError: null,
        syncStartedAt: new Date(),
        ...(resume ? {} : { syncDone: 0, syncTotal: null, syncCursor: null }),
      };
      await tx.update(modelSources).set(next).where(eq(modelSources.id, row.id));
      await writeAudit(tx, ctx, {
        action: "models.sources.sync.start",
        target: `model-sources/${row.name}`,
        before: { state: row.syncState, done: row.syncDone },
        after: { resume },
      });
      return { id: row.id, status: syncStatus({ ...row, ...next }) };
    });
    // After the commit: the job's first read must see `running`.
    void launchSync(status.id);
    return status.status;
  },
);
