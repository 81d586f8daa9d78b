import { mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { id, timestamps } from "../columns";

// Clusters are names only until the cluster registry lands; the seed registers `sandbox`.
export const clusters = mysqlTable(
  "clusters",
  {
    id: id(),
    name: varchar("name", { length: 63 }).notNull(),
    description: varchar("description", { length: 512 }).notNull().default(""),
    ...timestamps,
  },
  (t) => [uniqueIndex("clusters_name_uq").on(t.name)],
);

export type ClusterRow = typeof clusters.$inferSelect;
