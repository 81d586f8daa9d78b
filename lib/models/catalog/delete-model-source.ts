import "server-only";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { inTransaction } from "@/lib/db/transaction";
import { modelSources } from "@/lib/db/schema";
import { findSource } from "./find-source";

/** The source and its catalog entries (the modelx registry's artifacts stay). */
export const deleteModelSource = verb(
  "models.sources.delete",
  "models.admin",
  async ({ ctx, input }: VerbArgs<{ source: string }>) =>
    inTransaction(async (tx) => {
      const row = await findSource(input.source, tx);
      await tx.delete(modelSources).where(eq(modelSources.id, row.id));
      await writeAudit(tx, ctx, { action: "models.sources.delete", target: `model-sources/${row.name}` });
      return null;
    }),
);
