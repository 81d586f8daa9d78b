// Direct database access for fixtures the API cannot create yet (expired tokens, disabled users).
import { createHash, randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import { hashPassword } from "../../lib/auth/password";

export function connect() {
  return mysql.createConnection({
    uri: process.env.DATABASE_URL || "mysql://root@127.0.0.1:3306/facet",
    timezone: "Z",
  });
}

export async function ensureUser(username: string, password: string, options: { disabled?: boolean } = {}) {
  const db = await connect();
  try {
    await db.query(
      "INSERT INTO users (username, display_name, password_hash, system_role, disabled) VALUES (?, ?, ?, 'normal', ?) ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash), disabled = VALUES(disabled)",
      [username, username, await hashPassword(password), options.disabled ? 1 : 0],
    );
  } finally {
    await db.end();
  }
}

/** A token that expired a minute ago, for the user given. */
export async function insertExpiredToken(username: string): Promise<string> {
  const token = `fct_${randomBytes(32).toString("base64url")}`;
  const db = await connect();
  try {
    await db.query(
      "INSERT INTO api_tokens (user_id, kind, name, token_hash, expires_at) SELECT id, 'personal', 'expired', ?, NOW(3) - INTERVAL 1 MINUTE FROM users WHERE username = ?",
      [createHash("sha256").update(token).digest("hex"), username],
    );
  } finally {
    await db.end();
  }
  return token;
}
