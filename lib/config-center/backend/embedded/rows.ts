import "server-only";
import type { ConfigHistoryRow, ConfigItemRow } from "@/lib/db/schema";
import type { ConfigRecord, HistoryRecord } from "../types";

export function configRecord(row: ConfigItemRow): ConfigRecord {
  return {
    id: row.id,
    dataId: row.dataId,
    content: row.content,
    type: row.type,
    md5: row.md5,
    appName: row.appName,
    description: row.description,
    tags: row.tags ?? [],
    createdBy: row.createdBy,
    createdIp: row.createdIp,
    createdAt: row.createdAt,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

type HistoryRow = Omit<ConfigHistoryRow, "contentBefore" | "contentAfter"> & {
  contentBefore?: string | null;
  contentAfter?: string | null;
};

export function historyRecord(row: HistoryRow): HistoryRecord {
  return {
    id: row.id,
    configId: row.configId,
    dataId: row.dataId,
    op: row.op,
    source: row.source,
    before: row.op === "I" ? null : { content: row.contentBefore ?? null, md5: row.md5Before, type: row.typeBefore },
    after: row.op === "D" ? null : { content: row.contentAfter ?? null, md5: row.md5After, type: row.typeAfter },
    appName: row.appName,
    actor: row.actor,
    clientAddress: row.clientAddress,
    createdAt: row.createdAt,
    rollbackOf: row.rollbackOf,
  };
}
