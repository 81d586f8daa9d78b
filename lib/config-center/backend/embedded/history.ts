import "server-only";
import { and, count, desc, eq, getTableColumns } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { configHistory } from "@/lib/db/schema";
import type { ConfigLocation, HistoryRecord, Paged } from "../types";
import { possibleDataId } from "./read";
import { historyRecord } from "./rows";

const { contentBefore: _b, contentAfter: _a, ...columnsButContent } = getTableColumns(configHistory);

const scoped = (loc: ConfigLocation, dataId: string) =>
  and(
    eq(configHistory.environmentId, loc.environmentId),
    eq(configHistory.tenantId, loc.tenantId),
    eq(configHistory.dataId, dataId),
  );

/** Newest first, without the contents (they can be 100 KB each). */
export async function listHistory(
  loc: ConfigLocation,
  dataId: string,
  page: { pageNo: number; pageSize: number },
): Promise<Paged<HistoryRecord>> {
  if (!possibleDataId(dataId)) return { items: [], total: 0 };
  const db = getDb();
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(columnsButContent)
      .from(configHistory)
      .where(scoped(loc, dataId))
      .orderBy(desc(configHistory.id))
      .limit(page.pageSize)
      .offset((page.pageNo - 1) * page.pageSize),
    db.select({ total: count() }).from(configHistory).where(scoped(loc, dataId)),
  ]);
  return { items: rows.map(historyRecord), total };
}

export async function historyEntry(loc: ConfigLocation, dataId: string, id: number): Promise<HistoryRecord | null> {
  if (!possibleDataId(dataId)) return null;
  const [row] = await getDb()
    .select()
    .from(configHistory)
    .where(and(scoped(loc, dataId), eq(configHistory.id, id)))
    .limit(1);
  return row ? historyRecord(row) : null;
}

/** Nacos' `previous`: the newest entry of a config id (the state before its last change). */
export async function latestEntryOfConfig(
  loc: ConfigLocation,
  dataId: string,
  configId: number,
): Promise<HistoryRecord | null> {
  if (!possibleDataId(dataId)) return null;
  const [row] = await getDb()
    .select()
    .from(configHistory)
    .where(and(scoped(loc, dataId), eq(configHistory.configId, configId)))
    .orderBy(desc(configHistory.id))
    .limit(1);
  return row ? historyRecord(row) : null;
}
