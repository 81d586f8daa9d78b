import "server-only";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { inTransaction } from "@/lib/db/transaction";
import { catalogModels } from "@/lib/db/schema";
import { modelSummaryDto } from "./dto";
import { findModel } from "./find-model";
import { findSource } from "./find-source";
import type { ModelAdminUpdate } from "./schemas";

/** Publish, unpublish, recommend: the catalog admin's. */
export const updateCatalogModel = verb(
  "models.catalog.update",
  "models.admin",
  async ({ ctx, input }: VerbArgs<{ source: string; model: string; body: ModelAdminUpdate }>) => {
    const source = await findSource(input.source);
    return inTransaction(async (tx) => {
      const before = await findModel(source.id, input.model, tx);
      await tx.update(catalogModels).set(input.body).where(eq(catalogModels.id, before.id));
      await writeAudit(tx, ctx, {
        action: "models.catalog.update",
        target: `model-sources/${source.name}/models/${input.model}`,
        before: { published: before.published, recommended: before.recommended },
        after: input.body,
      });
      return modelSummaryDto({ ...before, ...input.body });
    });
  },
);
