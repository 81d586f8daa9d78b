import { execFileSync } from "node:child_process";
import { dropDatabaseUser, provisionDatabase } from "../../scripts/lib/db-provision";
import { TEST_AUTH_SECRET } from "./test-secret";

const ADMIN_URL = process.env.FACET_TEST_DB_SERVER ?? "mysql://root@127.0.0.1:3306";

// Uses DATABASE_URL when the test script made one; otherwise a throwaway database on the
// default server with a least-privilege user of its own (as production runs), both dropped afterwards.
export default async function setup(): Promise<() => Promise<void>> {
  let dropAfter: { database: string; user: string } | null = null;
  if (!process.env.DATABASE_URL) {
    const stamp = `${Date.now()}_${process.pid}`;
    const database = `facet_vitest_${stamp}`;
    const user = `facet_t_${stamp}`;
    process.env.DATABASE_URL = (await provisionDatabase({ adminUrl: ADMIN_URL, databases: [database], user })).url;
    dropAfter = { database, user };
  }
  process.env.AUTH_SECRET ??= TEST_AUTH_SECRET;
  execFileSync("npx", ["tsx", "scripts/migrate.ts"], { stdio: "inherit", env: process.env });
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { stdio: "inherit", env: process.env });
  return async () => {
    if (!dropAfter) return;
    const mysql = await import("mysql2/promise");
    const conn = await mysql.createConnection({ uri: `${ADMIN_URL}/` });
    await conn.query("DROP DATABASE IF EXISTS ??", [dropAfter.database]);
    await conn.end();
    await dropDatabaseUser(ADMIN_URL, dropAfter.user);
  };
}
