import { execFileSync } from "node:child_process";
import mysql from "mysql2/promise";
import { TEST_AUTH_SECRET } from "./test-secret";

// Uses DATABASE_URL when the test script made one; otherwise a throwaway database on the
// default server, dropped afterwards.
export default async function setup(): Promise<() => Promise<void>> {
  let dropAfter: string | null = null;
  if (!process.env.DATABASE_URL) {
    const name = `facet_vitest_${Date.now()}_${process.pid}`;
    process.env.DATABASE_URL = `mysql://root@127.0.0.1:3306/${name}`;
    dropAfter = name;
  }
  process.env.AUTH_SECRET ??= TEST_AUTH_SECRET;
  execFileSync("npx", ["tsx", "scripts/migrate.ts"], { stdio: "inherit", env: process.env });
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { stdio: "inherit", env: process.env });
  return async () => {
    if (!dropAfter) return;
    const conn = await mysql.createConnection({ uri: "mysql://root@127.0.0.1:3306/" });
    await conn.query(`DROP DATABASE IF EXISTS \`${dropAfter}\``);
    await conn.end();
  };
}
