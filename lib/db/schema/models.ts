import {
  bigint,
  boolean,
  customType,
  index,
  int,
  json,
  mediumtext,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  text,
  timestamp,
  tinyint,
  uniqueIndex,
  varchar,
} from "drizzle-orm/mysql-core";
import { id, ref, timestamps } from "../columns";
import { projects } from "./tenancy";
import { users } from "./users";

// modelx names and tags are case-sensitive ASCII, as the blob store's paths are.
const asciiName = customType<{ data: string; config: { length: number } }>({
  dataType: (config) => `varchar(${config?.length ?? 128}) CHARACTER SET ascii COLLATE ascii_bin`,
});

/**
 * modelx manifests: one row per model version. The manifest PUT is modelx's commit point, so
 * it is a row written with its audit row in one transaction; blobs live in the blob store.
 * `repository` is `library` (project_id NULL) or `{tenant}.{project}`.
 */
export const modelxManifests = mysqlTable(
  "modelx_manifests",
  {
    id: id(),
    repository: asciiName("repository", { length: 127 }).notNull(),
    projectId: ref("project_id").references(() => projects.id, { onDelete: "cascade" }),
    model: asciiName("model", { length: 128 }).notNull(),
    reference: asciiName("reference", { length: 128 }).notNull(),
    manifest: mediumtext("manifest").notNull(),
    /** Config and blobs, in bytes. */
    size: bigint("size", { mode: "number", unsigned: true }).notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("modelx_manifests_ref_idx").on(t.repository, t.model, t.reference),
    index("modelx_manifests_project_idx").on(t.projectId),
  ],
);
export type ModelxManifestRow = typeof modelxManifests.$inferSelect;

export { MODEL_SOURCE_KINDS } from "../../models/catalog/constants";
import { MODEL_SOURCE_KINDS } from "../../models/catalog/constants";
export const SYNC_STATES = ["idle", "running", "stopping", "stopped", "done", "failed"] as const;

/** Where catalog entries come from; syncs are long work with progress n/m, stop and resume. */
export const modelSources = mysqlTable(
  "model_sources",
  {
    id: id(),
    name: asciiName("name", { length: 63 }).notNull(),
    kind: mysqlEnum("kind", MODEL_SOURCE_KINDS).notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** Hub API base, model-index URL or modelx registry URL; null for Facet's own registry. */
    url: varchar("url", { length: 2048 }),
    /** Serving images per framework for deployments of this source's models. */
    images: json("images").$type<Record<string, string>>().notNull(),
    syncState: mysqlEnum("sync_state", SYNC_STATES).notNull().default("idle"),
    syncDone: int("sync_done", { unsigned: true }).notNull().default(0),
    syncTotal: int("sync_total", { unsigned: true }),
    /** Where a stopped or failed sync resumes (a page cursor). */
    syncCursor: varchar("sync_cursor", { length: 2048 }),
    syncError: varchar("sync_error", { length: 1024 }),
    syncedAt: timestamp("synced_at", { fsp: 3, mode: "date" }),
    /** When the running (or last) sync started or resumed. */
    syncStartedAt: timestamp("sync_started_at", { fsp: 3, mode: "date" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("model_sources_name_idx").on(t.name)],
);
export type ModelSourceRow = typeof modelSources.$inferSelect;

/** A catalog entry. Filters and sorts are columns with indexes that lead with the source. */
export const catalogModels = mysqlTable(
  "catalog_models",
  {
    id: id(),
    sourceId: ref("source_id")
      .notNull()
      .references(() => modelSources.id, { onDelete: "cascade" }),
    /** The source's model id, e.g. `distilbert/distilbert-base-uncased-finetuned-sst-2-english`. */
    name: asciiName("name", { length: 255 }).notNull(),
    task: varchar("task", { length: 64 }).notNull().default(""),
    framework: varchar("framework", { length: 64 }).notNull().default(""),
    license: varchar("license", { length: 64 }).notNull().default(""),
    /** Space-separated, for display; model_tags holds them for filtering. */
    tags: text("tags").notNull(),
    description: varchar("description", { length: 1024 }).notNull().default(""),
    card: mediumtext("card"),
    downloads: bigint("downloads", { mode: "number", unsigned: true }).notNull().default(0),
    likes: int("likes", { unsigned: true }).notNull().default(0),
    ratingSum: int("rating_sum", { unsigned: true }).notNull().default(0),
    ratingCount: int("rating_count", { unsigned: true }).notNull().default(0),
    /** Average rating × 100, kept with the sum so sorting by rating uses an index. */
    ratingScore: int("rating_score", { unsigned: true }).notNull().default(0),
    published: boolean("published").notNull().default(true),
    recommended: boolean("recommended").notNull().default(false),
    lastModified: timestamp("last_modified", { fsp: 3, mode: "date" }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("catalog_models_name_idx").on(t.sourceId, t.name),
    index("catalog_models_downloads_idx").on(t.sourceId, t.published, t.downloads, t.id),
    index("catalog_models_likes_idx").on(t.sourceId, t.published, t.likes, t.id),
    index("catalog_models_recent_idx").on(t.sourceId, t.published, t.lastModified, t.id),
    index("catalog_models_rating_idx").on(t.sourceId, t.published, t.ratingScore, t.id),
    index("catalog_models_task_idx").on(t.sourceId, t.published, t.task, t.downloads, t.id),
  ],
);
export type CatalogModelRow = typeof catalogModels.$inferSelect;

export const catalogModelTags = mysqlTable(
  "catalog_model_tags",
  {
    modelId: ref("model_id")
      .notNull()
      .references(() => catalogModels.id, { onDelete: "cascade" }),
    tag: varchar("tag", { length: 128 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.tag] }), index("catalog_model_tags_tag_idx").on(t.tag, t.modelId)],
);

/** Ratings (1–5) with comments, and replies to them (parent_id, no rating). One rating per user and model. */
export const catalogModelRatings = mysqlTable(
  "catalog_model_ratings",
  {
    id: id(),
    modelId: ref("model_id")
      .notNull()
      .references(() => catalogModels.id, { onDelete: "cascade" }),
    userId: ref("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    parentId: ref("parent_id"),
    rating: tinyint("rating", { unsigned: true }),
    comment: text("comment").notNull(),
    ...timestamps,
  },
  (t) => [index("catalog_model_ratings_model_idx").on(t.modelId, t.parentId, t.id)],
);
