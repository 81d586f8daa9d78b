import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { catalogModels, catalogModelTags } from "@/lib/db/schema";

/** Fills catalog_model_tags (what the tag filter reads) from each model's tags of one source. */
export async function indexTags(tx: Executor, sourceId: number): Promise<void> {
  const rows = await tx
    .select({ id: catalogModels.id, tags: catalogModels.tags })
    .from(catalogModels)
    .where(eq(catalogModels.sourceId, sourceId));
  const tagRows = rows.flatMap((r) =>
    r.tags
      .split(" ")
      .filter(Boolean)
      .map((tag) => ({ modelId: r.id, tag })),
  );
  for (let i = 0; i < tagRows.length; i += 5000)
    await tx
      .insert(catalogModelTags)
      .values(tagRows.slice(i, i + 5000))
      .onDuplicateKeyUpdate({ set: { tag: sql`tag` } });
}
