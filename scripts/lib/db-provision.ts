// Creates databases and a least-privilege user for them: every privilege on those databases
// (migrations need DDL) and none global (no FILE, SUPER, PROCESS, no other schemas).
import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";

export interface Provisioned {
  user: string;
  password: string;
  /** DATABASE_URL for the first database, as the app connects. */
  url: string;
}

const NAME = /^[A-Za-z0-9_]{1,64}$/;
const HOSTS = ["localhost", "127.0.0.1", "::1"];

export async function provisionDatabase(input: {
  adminUrl: string;
  databases: string[];
  user: string;
  password?: string;
}): Promise<Provisioned> {
  if (!NAME.test(input.user) || input.user.length > 80) throw new Error(`bad database user name '${input.user}'`);
  for (const db of input.databases) if (!NAME.test(db)) throw new Error(`bad database name '${db}'`);
  const password = input.password ?? randomBytes(18).toString("base64url");
  const admin = new URL(input.adminUrl);
  admin.pathname = "/";
  const conn = await mysql.createConnection({ uri: admin.toString() });
  try {
    for (const db of input.databases)
      await conn.query("CREATE DATABASE IF NOT EXISTS ?? CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", [db]);
    for (const host of HOSTS) {
      await conn.query("CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?", [input.user, host, password]);
      // An existing user (a second `npm run up` that lost .env.local) gets the new password.
      await conn.query("ALTER USER ?@? IDENTIFIED BY ?", [input.user, host, password]);
      // `_` and `%` are wildcards in a grant's database name; escaped, the grant covers this database only.
      for (const db of input.databases)
        await conn.query("GRANT ALL PRIVILEGES ON ??.* TO ?@?", [db.replace(/[_%\\]/g, "\\$&"), input.user, host]);
    }
  } finally {
    await conn.end();
  }
  const url = new URL(input.adminUrl);
  url.username = input.user;
  url.password = password;
  url.pathname = `/${input.databases[0]}`;
  return { user: input.user, password, url: url.toString() };
}

export async function dropDatabaseUser(adminUrl: string, user: string): Promise<void> {
  if (!NAME.test(user)) throw new Error(`bad database user name '${user}'`);
  const admin = new URL(adminUrl);
  admin.pathname = "/";
  const conn = await mysql.createConnection({ uri: admin.toString() });
  try {
    for (const host of HOSTS) await conn.query("DROP USER IF EXISTS ?@?", [user, host]);
  } finally {
    await conn.end();
  }
}
