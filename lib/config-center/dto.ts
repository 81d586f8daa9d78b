import type { ConfigBackendRow } from "@/lib/db/schema";
import type { ConfigLocation, ConfigRecord, HistoryRecord, HistorySide, ListenerRecord } from "./backend/types";
import { joinNacosAddress } from "./nacos-address";
import type { ConfigBackendDto } from "./schemas";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function names(ctx: EnvironmentCtx, loc: ConfigLocation) {
  return {
    tenant: ctx.scope.tenant.name,
    project: ctx.scope.project.name,
    environment: ctx.scope.environment.name,
    namespace: loc.namespace,
    group: loc.group,
  };
}

export function configSummaryDto(ctx: EnvironmentCtx, loc: ConfigLocation, r: ConfigRecord) {
  return {
    id: r.id,
    dataId: r.dataId,
    ...names(ctx, loc),
    type: r.type,
    md5: r.md5,
    appName: r.appName,
    description: r.description,
    tags: r.tags,
    createdBy: r.createdBy,
    createdAt: iso(r.createdAt),
    updatedBy: r.updatedBy,
    updatedAt: iso(r.updatedAt),
    version: r.version,
  };
}
export type ConfigSummaryDto = ReturnType<typeof configSummaryDto>;

export function configDto(ctx: EnvironmentCtx, loc: ConfigLocation, r: ConfigRecord) {
  return { ...configSummaryDto(ctx, loc, r), content: r.content };
}
export type ConfigDto = ReturnType<typeof configDto>;

const side = (s: HistorySide | null, withContent: boolean) =>
  s ? { md5: s.md5, type: s.type, ...(withContent ? { content: s.content } : {}) } : null;

/** One change; with content, `before` and `after` are the two sides of its diff. */
export function historyDto(h: HistoryRecord, withContent: boolean) {
  return {
    id: h.id,
    dataId: h.dataId,
    op: h.op,
    source: h.source,
    before: side(h.before, withContent),
    after: side(h.after, withContent),
    appName: h.appName,
    actor: h.actor,
    clientAddress: h.clientAddress,
    createdAt: iso(h.createdAt),
    rollbackOf: h.rollbackOf,
  };
}
export type HistoryDto = ReturnType<typeof historyDto>;

export const listenerDto = (l: ListenerRecord) => ({ ...l, lastSeenAt: iso(l.lastSeenAt) });

/** A cluster's config store as the API shows it: no row is Facet's own; never the password. */
export function configBackendDto(row: ConfigBackendRow | null): ConfigBackendDto {
  if (!row) return { kind: "embedded" };
  return {
    kind: "nacos",
    address: joinNacosAddress(row.serverAddr, row.contextPath),
    username: row.username,
    hasPassword: Boolean(row.password),
  };
}
