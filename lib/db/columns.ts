import { bigint, int, timestamp } from "drizzle-orm/mysql-core";

// MariaDB rejects drizzle's serial(); ids are unsigned bigints (foreign keys use the same type).
export const id = () => bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey();
export const ref = (name: string) => bigint(name, { mode: "number", unsigned: true });

export const timestamps = {
  createdAt: timestamp("created_at", { fsp: 3, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { fsp: 3, mode: "date" }).notNull().defaultNow().onUpdateNow(),
};

/** Bumped by every update; served as the ETag and compared for If-Match. */
export const version = () => int("version", { unsigned: true }).notNull().default(1);

/** Kubernetes quantities, stored canonically: CPU in millicores, memory and storage in bytes. */
export const quantityColumns = (prefix = "") => ({
  cpuMilli: bigint(`${prefix}cpu_milli`, { mode: "number", unsigned: true }).notNull().default(0),
  memoryBytes: bigint(`${prefix}memory_bytes`, { mode: "number", unsigned: true }).notNull().default(0),
  storageBytes: bigint(`${prefix}storage_bytes`, { mode: "number", unsigned: true }).notNull().default(0),
  pods: int(`${prefix}pods`, { unsigned: true }).notNull().default(0),
});
