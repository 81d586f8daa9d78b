import "server-only";
import { and, asc, count, eq, getTableColumns, like, sql } from "drizzle-orm";
import type { RowDataPacket } from "mysql2";
import { getDb, getPool } from "@/lib/db/client";
import { configItems } from "@/lib/db/schema";
import { NACOS_KEY_PATTERN } from "../../constants";
import type { ConfigLocation, ConfigQuery, ConfigRecord, Paged } from "../types";
import { configRecord } from "./rows";

const { content: _content, ...columnsButContent } = getTableColumns(configItems);

const scoped = (loc: ConfigLocation) =>
  and(eq(configItems.environmentId, loc.environmentId), eq(configItems.tenantId, loc.tenantId));

/** Nacos blur search: `*` matches anything, every other character (LIKE's own too) itself. */
export const blurPattern = (pattern: string) => pattern.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, "%");

// The data id column is ASCII: anything else cannot match, and must not reach the query.
export const possibleDataId = (dataId: string) => NACOS_KEY_PATTERN.test(dataId);
const possiblePattern = (pattern: string) => /^[a-zA-Z0-9_.:*-]{1,255}$/.test(pattern);

export async function listConfigs(loc: ConfigLocation, query: ConfigQuery): Promise<Paged<ConfigRecord>> {
  if (query.dataId && !(query.blur ? possiblePattern(query.dataId) : possibleDataId(query.dataId)))
    return { items: [], total: 0 };
  const where = and(
    scoped(loc),
    query.dataId
      ? query.blur
        ? like(configItems.dataId, blurPattern(query.dataId))
        : eq(configItems.dataId, query.dataId)
      : undefined,
    query.appName ? eq(configItems.appName, query.appName) : undefined,
    query.tag ? sql`JSON_CONTAINS(${configItems.tags}, JSON_QUOTE(${query.tag}))` : undefined,
  );
  const db = getDb();
  const content = query.withContent === false ? sql<string>`''`.as("content") : configItems.content;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ ...columnsButContent, content })
      .from(configItems)
      .where(where)
      .orderBy(asc(configItems.dataId))
      .limit(query.pageSize)
      .offset((query.pageNo - 1) * query.pageSize),
    db.select({ total: count() }).from(configItems).where(where),
  ]);
  return { items: rows.map(configRecord), total };
}

export async function getConfig(loc: ConfigLocation, dataId: string): Promise<ConfigRecord | null> {
  if (!possibleDataId(dataId)) return null;
  const [row] = await getDb()
    .select()
    .from(configItems)
    .where(and(scoped(loc), eq(configItems.dataId, dataId)))
    .limit(1);
  return row ? configRecord(row) : null;
}

export async function currentMd5s(loc: ConfigLocation, dataIds: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>(dataIds.map((d) => [d, ""]));
  const possible = [...new Set(dataIds.filter(possibleDataId))];
  if (!possible.length) return found;
  // A listener may name 3,000 keys: one bound array, without building a query object per key.
  const [rows] = await getPool().query<RowDataPacket[]>(
    "SELECT data_id, md5 FROM config_items WHERE environment_id = ? AND tenant_id = ? AND data_id IN (?)",
    [loc.environmentId, loc.tenantId, possible],
  );
  for (const row of rows) found.set(row.data_id, row.md5);
  return found;
}
