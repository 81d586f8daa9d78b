import type { CatalogModelRow, ModelSourceRow } from "@/lib/db/schema";

export function sourceDto(row: ModelSourceRow) {
  return {
    name: row.name,
    kind: row.kind,
    enabled: row.enabled,
    url: row.url,
    images: row.images,
    sync: {
      state: row.syncState,
      done: row.syncDone,
      total: row.syncTotal,
      error: row.syncError,
      syncedAt: row.syncedAt?.toISOString() ?? null,
      resumable: row.syncCursor !== null,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type SourceDto = ReturnType<typeof sourceDto>;

type SummaryRow = Pick<
  CatalogModelRow,
  | "name"
  | "task"
  | "framework"
  | "license"
  | "tags"
  | "description"
  | "downloads"
  | "likes"
  | "ratingCount"
  | "ratingScore"
  | "published"
  | "recommended"
  | "lastModified"
>;

export function modelSummaryDto(row: SummaryRow) {
  return {
    name: row.name,
    task: row.task,
    framework: row.framework,
    license: row.license,
    tags: row.tags ? row.tags.split(" ") : [],
    description: row.description,
    downloads: row.downloads,
    likes: row.likes,
    rating: row.ratingCount ? row.ratingScore / 100 : null,
    ratingCount: row.ratingCount,
    published: row.published,
    recommended: row.recommended,
    lastModified: row.lastModified.toISOString(),
  };
}
export type ModelSummaryDto = ReturnType<typeof modelSummaryDto>;
