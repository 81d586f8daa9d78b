import "server-only";
import { CONFIG_TYPES, type ConfigType } from "../../constants";
import type { ConfigRecord, HistoryRecord } from "../types";

// Nacos' JSON shapes (PROTOCOLS §1.3), read leniently: versions differ in dates and padding.

export interface NacosConfigInfo {
  id?: number | string;
  dataId: string;
  group?: string;
  content?: string | null;
  md5?: string | null;
  tenant?: string;
  appName?: string | null;
  type?: string | null;
  createTime?: number | string;
  modifyTime?: number | string;
  createUser?: string | null;
  createIp?: string | null;
  desc?: string | null;
  configTags?: string | null;
}

export interface NacosHistoryInfo {
  id: number | string;
  dataId: string;
  group: string;
  appName?: string | null;
  md5?: string | null;
  content?: string | null;
  srcIp?: string | null;
  srcUser?: string | null;
  opType: string;
  createdTime?: number | string;
  lastModifiedTime?: number | string;
  extInfo?: string | null;
}

export interface NacosPage<T> {
  totalCount: number;
  pageNumber?: number;
  pagesAvailable?: number;
  pageItems: T[];
}

export function nacosDate(value: unknown): Date | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number" || /^\d+$/.test(String(value))) return new Date(Number(value));
  const text = String(value).trim().replace(" ", "T");
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const configType = (value: unknown): ConfigType =>
  CONFIG_TYPES.includes(value as ConfigType) ? (value as ConfigType) : "text";

export function configFromNacos(info: NacosConfigInfo): ConfigRecord {
  const modified = nacosDate(info.modifyTime);
  return {
    id: Number(info.id ?? 0),
    dataId: info.dataId,
    content: info.content ?? "",
    type: configType(info.type),
    md5: info.md5 ?? "",
    appName: info.appName ?? "",
    description: info.desc ?? "",
    tags: (info.configTags ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
    createdBy: info.createUser ?? null,
    createdIp: info.createIp ?? null,
    createdAt: nacosDate(info.createTime),
    updatedBy: null,
    updatedAt: modified,
    // Nacos has no version: the modification second stands in for the ETag.
    version: modified ? Math.floor(modified.getTime() / 1000) : 0,
  };
}

/** 3.x keeps type, desc and tags of the old version in a JSON string. */
function extType(extInfo: string | null | undefined): ConfigType | null {
  if (!extInfo) return null;
  try {
    const type = (JSON.parse(extInfo) as { type?: string }).type;
    return type ? configType(type) : null;
  } catch {
    return null;
  }
}

/** A Nacos history row holds one state: the inserted one for I, the one before for U and D. */
export function historyFromNacos(info: NacosHistoryInfo): HistoryRecord {
  const op = info.opType.trim() as HistoryRecord["op"];
  const side = { content: info.content ?? null, md5: info.md5 ?? null, type: extType(info.extInfo) };
  return {
    id: Number(info.id),
    configId: null,
    dataId: info.dataId,
    op,
    source: null,
    before: op === "I" ? null : side,
    after: op === "I" ? side : null,
    appName: info.appName ?? "",
    actor: info.srcUser ?? null,
    clientAddress: info.srcIp ?? null,
    createdAt: nacosDate(info.lastModifiedTime) ?? nacosDate(info.createdTime),
    rollbackOf: null,
  };
}
