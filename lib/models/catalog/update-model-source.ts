import "server-only";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { inTransaction } from "@/lib/db/transaction";
import { modelSources } from "@/lib/db/schema";
import { assertEgressAllowed } from "@/lib/net/egress";
import { sourceDto } from "./dto";
import { findSource } from "./find-source";
import type { SourceUpdate } from "./schemas";

export const updateModelSource = verb(
  "models.sources.update",
  "models.admin",
  async ({ ctx, input }: VerbArgs<{ source: string; body: SourceUpdate }>) => {
    if (input.body.url) await assertEgressAllowed(input.body.url, { path: "body.url" });
    return inTransaction(async (tx) => {
      const before = await findSource(input.source, tx);
      await tx.update(modelSources).set(input.body).where(eq(modelSources.id, before.id));
      await writeAudit(tx, ctx, {
        action: "models.sources.update",
        target: `model-sources/${before.name}`,
        before: { enabled: before.enabled, url: before.url, images: before.images },
        after: input.body,
      });
      return sourceDto(await findSource(input.source, tx));
    });
  },
);
