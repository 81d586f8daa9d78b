import "server-only";
import type { ConfigDto, HistoryDto } from "../dto";

// Facet's DTOs in the JSON shapes Nacos v1 serves (PROTOCOLS §1.3).
const ms = (iso: string | null) => (iso ? Date.parse(iso) : null);

export function configInfo(c: Omit<ConfigDto, "content"> & { content?: string }) {
  return {
    id: c.id,
    dataId: c.dataId,
    group: c.group,
    content: c.content ?? null,
    md5: c.md5,
    encryptedDataKey: "",
    tenant: c.namespace,
    appName: c.appName,
    type: c.type,
  };
}

export function configAllInfo(c: ConfigDto) {
  return {
    ...configInfo(c),
    createTime: ms(c.createdAt),
    modifyTime: ms(c.updatedAt),
    createUser: c.createdBy,
    createIp: "",
    desc: c.description,
    use: "",
    effect: "",
    schema: "",
    configTags: c.tags.join(","),
  };
}

/** Nacos keeps one state per row: the inserted one for I, the one before for U and D. */
export function historyInfo(h: HistoryDto, where: { group: string; tenant: string }) {
  const side = h.op === "I" ? h.after : h.before;
  return {
    id: h.id,
    lastId: -1,
    dataId: h.dataId,
    group: where.group,
    tenant: where.tenant,
    appName: h.appName,
    md5: side?.md5 ?? null,
    content: side && "content" in side ? side.content : null,
    srcIp: h.clientAddress ?? "",
    srcUser: h.actor ?? "",
    opType: h.op,
    publishType: "formal",
    extInfo: JSON.stringify({ type: side?.type ?? null, source: h.source }),
    createdTime: ms(h.createdAt),
    lastModifiedTime: ms(h.createdAt),
    encryptedDataKey: "",
  };
}

export function page<T>(items: T[], total: number, pageNo: number, pageSize: number) {
  return { totalCount: total, pageNumber: pageNo, pagesAvailable: Math.ceil(total / pageSize), pageItems: items };
}
