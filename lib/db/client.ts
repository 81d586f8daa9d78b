import "server-only";
import { dropProcessSingleton, peekProcessSingleton, processSingleton } from "@/lib/cache";
import { drizzle, type MySql2Database } from "drizzle-orm/mysql2";
import mysql from "mysql2/promise";
import { databaseUrl } from "@/lib/env";
import * as schema from "./schema";

export type Database = MySql2Database<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;

// One pool per process, kept across dev reloads.
export function getPool(): mysql.Pool {
  return processSingleton("db.pool", () =>
    mysql.createPool({
      uri: databaseUrl(),
      connectionLimit: Number(process.env.DB_POOL_SIZE ?? 10),
      timezone: "Z",
      connectTimeout: 5_000,
      supportBigNumbers: true,
    }),
  );
}

/** One connection of its own for the health check, so a probe never queues behind the app's
 *  traffic in the shared pool: what it reports is whether the database answers. */
export function getHealthPool(): mysql.Pool {
  return processSingleton("db.health-pool", () =>
    mysql.createPool({ uri: databaseUrl(), connectionLimit: 1, timezone: "Z", connectTimeout: 5_000 }),
  );
}

export function getDb(): Database {
  return processSingleton("db.drizzle", () => drizzle(getPool(), { schema, mode: "default" }));
}

export { schema };

/** Ends the pool, for scripts that must exit. */
export async function closeDb(): Promise<void> {
  const pools = ["db.pool", "db.health-pool"].map((name) => peekProcessSingleton<mysql.Pool>(name));
  for (const name of ["db.pool", "db.health-pool", "db.drizzle"]) dropProcessSingleton(name);
  await Promise.all(pools.map((pool) => pool?.end()));
}
