// Creates the database when missing and applies the committed migrations in drizzle/.
import { drizzle } from "drizzle-orm/mysql2";
import { migrate } from "drizzle-orm/mysql2/migrator";
import mysql from "mysql2/promise";
import { databaseName, databaseUrl } from "./db-url";

const url = databaseUrl();
const name = databaseName(url);
const server = new URL(url);
server.pathname = "/";

const admin = await mysql.createConnection({ uri: server.toString() });
await admin.query("CREATE DATABASE IF NOT EXISTS ?? CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", [name]);
await admin.end();

const pool = mysql.createPool({ uri: url.toString(), timezone: "Z", connectionLimit: 2 });
try {
  await migrate(drizzle(pool), { migrationsFolder: new URL("../drizzle", import.meta.url).pathname });
  console.log(`migrations applied to ${name}`);
} finally {
  await pool.end();
}
