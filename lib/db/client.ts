import "server-only";
import { drizzle, type MySql2Database } from "drizzle-orm/mysql2";
import mysql from "mysql2/promise";
import { databaseUrl } from "@/lib/env";
import * as schema from "./schema";

export type Database = MySql2Database<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;

// One pool per process, kept across dev reloads.
const holder = globalThis as unknown as { facetPool?: mysql.Pool; facetDb?: Database };

export function getPool(): mysql.Pool {
  holder.facetPool ??= mysql.createPool({
    uri: databaseUrl(),
    connectionLimit: Number(process.env.DB_POOL_SIZE ?? 10),
    timezone: "Z",
    connectTimeout: 5_000,
    supportBigNumbers: true,
  });
  return holder.facetPool;
}

export function getDb(): Database {
  holder.facetDb ??= drizzle(getPool(), { schema, mode: "default" });
  return holder.facetDb;
}

export { schema };

/** Ends the pool, for scripts that must exit. */
export async function closeDb(): Promise<void> {
  const pool = holder.facetPool;
  holder.facetPool = undefined;
  holder.facetDb = undefined;
  await pool?.end();
}
