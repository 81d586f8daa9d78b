import "server-only";
import type { RowDataPacket } from "mysql2/promise";
import { getPool } from "@/lib/db/client";
import { sqlIdentifier, sqlText } from "@/lib/db/sql-text";

// A username as the users.username column compares it. The collation is read from the live
// schema and MariaDB computes the weight, so `TST`, `tst` and `tśt ` get one key exactly when
// the database would treat them as one name.

interface Collation {
  charset: string;
  collation: string;
}

let cached: Promise<Collation> | undefined;

async function readCollation(): Promise<Collation> {
  const [rows] = await getPool().query<RowDataPacket[]>(
    sqlText`SELECT CHARACTER_SET_NAME AS charset, COLLATION_NAME AS collation FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'username'`
      .text,
  );
  const row = rows[0] as { charset?: string; collation?: string } | undefined;
  if (!row?.charset || !row.collation) throw new Error("users.username has no collation in information_schema");
  return { charset: row.charset, collation: row.collation };
}

export function usernameCollation(): Promise<Collation> {
  cached ??= readCollation().catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/**
 * The collation weight of `name` (hex): equal for two names exactly when the column's `=` is.
 * Padding to the column's 64 characters (AS CHAR(64)) makes trailing spaces, and whatever else
 * weighs like one, vanish as they do in a PAD SPACE comparison.
 */
export async function usernameKey(name: string): Promise<string> {
  const c = await usernameCollation();
  // Both names come from information_schema, never from a request; the identifier check still applies.
  const charset = sqlIdentifier(c.charset, [c.charset]);
  const collation = sqlIdentifier(c.collation, [c.collation]);
  const [rows] = await getPool().query<RowDataPacket[]>(
    sqlText`SELECT HEX(WEIGHT_STRING(CONVERT(? USING ${charset}) COLLATE ${collation} AS CHAR(64))) AS w`.text,
    [name],
  );
  return String((rows[0] as { w: string | null }).w ?? "");
}
