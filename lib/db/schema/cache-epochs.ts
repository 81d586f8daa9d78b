import { bigint, mysqlTable, varchar } from "drizzle-orm/mysql-core";

/** Versions that per-process caches are keyed by. Triggers (migration cache_epochs) bump them in
 *  the same transaction as the write, so another replica's cache misses on its next request. */
export const cacheEpochs = mysqlTable("cache_epochs", {
  name: varchar("name", { length: 32 }).primaryKey(),
  value: bigint("value", { mode: "number", unsigned: true }).notNull().default(0),
});
