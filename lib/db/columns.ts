import { bigint, timestamp } from "drizzle-orm/mysql-core";

// MariaDB rejects drizzle's serial(); ids are unsigned bigints (foreign keys use the same type).
export const id = () => bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey();
export const ref = (name: string) => bigint(name, { mode: "number", unsigned: true });

export const timestamps = {
  createdAt: timestamp("created_at", { fsp: 3, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { fsp: 3, mode: "date" }).notNull().defaultNow().onUpdateNow(),
};
