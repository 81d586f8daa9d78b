import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { catalogModels, catalogModelTags } from "@/lib/db/schema";

/** One entry a sync brings in; the source's counters replace ours, ratings and admin flags stay. */
export interface SyncedModel {
  name: string;
  task: string;
  framework: string;
  license: string;
  tags: string[];
  description: string;
  card?: string | null;
  downloads: number;
  likes: number;
  lastModified: Date;
}

/** A page of a source's listing. `units` is what progress counts (models for the Hub, metafiles for OpenMMLab). */
export interface SyncPage {
  models: SyncedModel[];
  next: string | null;
  total: number | null;
  units: number;
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);

/** Upserts a page of models and re-indexes their tags. */
export async function savePage(tx: Executor, sourceId: number, models: SyncedModel[]): Promise<void> {
  if (!models.length) return;
  await tx
    .insert(catalogModels)
    .values(
      models.map((m) => ({
        sourceId,
        name: m.name,
        task: clip(m.task, 64),
        framework: clip(m.framework, 64),
        license: clip(m.license, 64),
        tags: m.tags.join(" "),
        description: clip(m.description, 1024),
        card: m.card ?? null,
        downloads: m.downloads,
        likes: m.likes,
        lastModified: m.lastModified,
      })),
    )
    .onDuplicateKeyUpdate({
      set: {
        task: sql`VALUES(task)`,
        framework: sql`VALUES(framework)`,
        license: sql`VALUES(license)`,
        tags: sql`VALUES(tags)`,
        description: sql`VALUES(description)`,
        card: sql`COALESCE(VALUES(card), card)`,
        downloads: sql`VALUES(downloads)`,
        likes: sql`VALUES(likes)`,
        lastModified: sql`VALUES(last_modified)`,
      },
    });
  const rows = await tx
    .select({ id: catalogModels.id, tags: catalogModels.tags })
    .from(catalogModels)
    .where(
      and(
        eq(catalogModels.sourceId, sourceId),
        inArray(
          catalogModels.name,
          models.map((m) => m.name),
        ),
      ),
    );
  await tx.delete(catalogModelTags).where(
    inArray(
      catalogModelTags.modelId,
      rows.map((r) => r.id),
    ),
  );
  const tagRows = rows.flatMap((r) =>
    [...new Set(r.tags.split(" ").filter(Boolean))].map((tag) => ({ modelId: r.id, tag })),
  );
  if (tagRows.length) await tx.insert(catalogModelTags).values(tagRows);
}
