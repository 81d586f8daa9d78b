import "server-only";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { modelSources } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { findSource } from "./find-source";
import { abortHere } from "./run-sync";
import { syncStatus } from "./sync-status";

/** Asks a running sync to stop; it stops after the page in flight (at once if it runs in this process). */
export const stopSync = verb(
  "models.sources.sync.stop",
  "models.admin",
  async ({ ctx, input }: VerbArgs<{ source: string }>) => {
    const row = await inTransaction(async (tx) => {
      const found = await findSource(input.source, tx);
      const [row] = await tx.select().from(modelSources).where(eq(modelSources.id, found.id)).for("update");
      if (row.syncState !== "running") return row;
      await tx.update(modelSources).set({ syncState: "stopping" }).where(eq(modelSources.id, row.id));
      await writeAudit(tx, ctx, {
        action: "models.sources.sync.stop",
        target: `model-sources/${row.name}`,
        before: { state: row.syncState, done: row.syncDone },
      });
      return { ...row, syncState: "stopping" as const };
    });
    abortHere(row.id);
    return syncStatus(row);
  },
);
