// Drops the throwaway database named on the command line (test runs only).
import mysql from "mysql2/promise";

const name = process.argv[2];
if (!/^facet_(test|vitest)_[0-9_]+(_unit)?$/.test(name ?? "")) {
  console.error(`refusing to drop '${name}': not a throwaway test database`);
  process.exit(2);
}
const url = new URL(process.env.DATABASE_URL);
url.pathname = "/";
const conn = await mysql.createConnection({ uri: url.toString() });
await conn.query("DROP DATABASE IF EXISTS ??", [name]);
await conn.end();
