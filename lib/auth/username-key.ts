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

/** Character sets a users.username column may have (MariaDB's defaults across versions). */
const CHARSETS = ["utf8mb4", "utf8mb3", "utf8", "latin1", "ascii"] as const;
const COLLATION_OF_CHARSET = sqlText`SELECT COLLATION_NAME AS collation FROM information_schema.COLLATIONS WHERE CHARACTER_SET_NAME = ? AND COLLATION_NAME = ?`;

async function readCollation(): Promise<Collation> {
  const [rows] = await getPool().query<RowDataPacket[]>(
    sqlText`SELECT CHARACTER_SET_NAME AS charset, COLLATION_NAME AS collation FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND COLUMN_NAME = 'username'`
      .text,
  );
  const row = rows[0] as { charset?: string; collation?: string } | undefined;
  if (!row?.charset || !row.collation) throw new Error("users.username has no collation in information_schema");
  // Both go into SQL text (COLLATE takes no placeholder): the charset must be one of ours, and the
  // collation one the server lists for that charset, looked up with bound values.
  if (!(CHARSETS as readonly string[]).includes(row.charset))
    throw new Error(`users.username has character set ${row.charset}, which Facet does not know`);
  const [known] = await getPool().query<RowDataPacket[]>(COLLATION_OF_CHARSET.text, [row.charset, row.collation]);
  if (!known.length) throw new Error(`${row.collation} is not a collation of ${row.charset}`);
  return { charset: row.charset, collation: String((known[0] as { collation: string }).collation) };
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
  // Never request data: the charset is from the fixed list, the collation one the server lists for it.
  const charset = sqlIdentifier(c.charset as (typeof CHARSETS)[number], CHARSETS);
  const collation = sqlIdentifier(c.collation, [c.collation]);
  const [rows] = await getPool().query<RowDataPacket[]>(
    sqlText`SELECT HEX(WEIGHT_STRING(CONVERT(? USING ${charset}) COLLATE ${collation} AS CHAR(64))) AS w`.text,
    [name],
  );
  return String((rows[0] as { w: string | null }).w ?? "");
}
