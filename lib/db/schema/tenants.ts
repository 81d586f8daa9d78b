import { boolean, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { id, timestamps, version } from "../columns";

export const tenants = mysqlTable(
  "tenants",
  {
    id: id(),
    name: varchar("name", { length: 63 }).notNull(),
    description: varchar("description", { length: 512 }).notNull().default(""),
    networkIsolation: boolean("network_isolation").notNull().default(true),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex("tenants_name_uq").on(t.name)],
);

export type TenantRow = typeof tenants.$inferSelect;
