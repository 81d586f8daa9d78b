import { bigint, customType, index, mediumtext, mysqlTable, uniqueIndex } from "drizzle-orm/mysql-core";
import { id, ref, timestamps } from "../columns";
import { projects } from "./tenancy";

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
