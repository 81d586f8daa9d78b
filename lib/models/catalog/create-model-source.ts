import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { isDuplicateKey } from "@/lib/db/rows";
import { inTransaction } from "@/lib/db/transaction";
import { modelSources } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { assertEgressAllowed } from "@/lib/net/egress";
import { sourceDto } from "./dto";
import { findSource } from "./find-source";
import { importOfflineCatalog } from "./import-offline-catalog";
import { importRegistryModels } from "./import-registry-models";
import type { SourceBody } from "./schemas";

/** A HuggingFace source starts with the offline catalog, so the store is never empty; Facet's own
 *  registry (a modelx source without a URL) with the library's models. */
export const createModelSource = verb(
  "models.sources.create",
  "models.admin",
  async ({ ctx, input }: VerbArgs<SourceBody>) => {
    if (input.url) await assertEgressAllowed(input.url, { path: "body.url" });
    const row = await inTransaction(async (tx) => {
      try {
        await tx.insert(modelSources).values({
          name: input.name,
          kind: input.kind,
          enabled: input.enabled,
          url: input.url,
          images: input.images,
        });
      } catch (error) {
        if (isDuplicateKey(error)) throw new AppError("CONFLICT", `A model source named ${input.name} exists.`);
        throw error;
      }
      const created = await findSource(input.name, tx);
      const imported =
        input.kind === "huggingface"
          ? await importOfflineCatalog(tx, created.id)
          : input.kind === "modelx" && !input.url
            ? await importRegistryModels(tx, created.id)
            : 0;
      await writeAudit(tx, ctx, {
        action: "models.sources.create",
        target: `model-sources/${input.name}`,
        after: { ...input, imported },
      });
      return created;
    });
    return sourceDto(row);
  },
);
