import type { Transaction } from "@/lib/db/client";
import type { ConfigOp, ConfigSource } from "@/lib/db/schema";
import type { ConfigType } from "../constants";

/** Where a config lives: Facet's ids for the environment and the Nacos key they map to. */
export interface ConfigLocation {
  tenantId: number;
  projectId: number;
  environmentId: number;
  clusterId: number;
  namespace: string;
  group: string;
}

export interface ConfigRecord {
  id: number;
  dataId: string;
  content: string;
  type: ConfigType;
  md5: string;
  appName: string;
  description: string;
  tags: string[];
  createdBy: string | null;
  createdIp: string | null;
  /** Null where the backend does not say (an external Nacos' search results). */
  createdAt: Date | null;
  updatedBy: string | null;
  updatedAt: Date | null;
  version: number;
}

export interface ConfigQuery {
  pageNo: number;
  pageSize: number;
  /** Exact data id, or with `blur` a pattern where `*` matches anything. */
  dataId?: string;
  blur?: boolean;
  appName?: string;
  tag?: string;
  /** Lists may leave content out (""), as the console's list does not show it. */
  withContent?: boolean;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

export interface HistorySide {
  content: string | null;
  md5: string | null;
  type: ConfigType | null;
}

export interface HistoryRecord {
  id: number;
  configId: number | null;
  dataId: string;
  op: ConfigOp;
  /** Null when the backend does not record it (an external Nacos). */
  source: ConfigSource | null;
  before: HistorySide | null;
  after: HistorySide | null;
  appName: string;
  actor: string | null;
  clientAddress: string | null;
  createdAt: Date | null;
  rollbackOf: number | null;
}

export interface ListenerRecord {
  ip: string;
  clientId: string;
  md5: string;
  inSync: boolean;
  waiting: boolean;
  lastSeenAt: Date | null;
}

export interface WriteMeta {
  actor: string;
  clientAddress: string | null;
  source: ConfigSource;
  rollbackOf?: number;
}

export interface PublishRequest {
  dataId: string;
  content: string;
  type: ConfigType;
  appName: string;
  description: string;
  tags: string[];
  casMd5?: string;
  expectedVersion?: number;
  /** Create only: 409 when the config exists. */
  mustNotExist?: boolean;
}

export interface WriteResult {
  op: ConfigOp;
  before: ConfigRecord | null;
  /** Null after a delete. */
  after: ConfigRecord | null;
  historyId: number | null;
}

export interface RollbackResult extends WriteResult {
  action: "restored" | "deleted";
}

/**
 * One store of configs: Facet's tables, or an external Nacos over HTTP. Writes take the
 * verb's transaction so that the embedded change and its audit row commit together; a
 * remote backend cannot join it and applies its change before the audit row is written.
 */
export interface ConfigBackend {
  readonly kind: "embedded" | "nacos";
  list(loc: ConfigLocation, query: ConfigQuery): Promise<Paged<ConfigRecord>>;
  get(loc: ConfigLocation, dataId: string): Promise<ConfigRecord | null>;
  /** Current MD5 per data id; "" for a config that does not exist. */
  md5s(loc: ConfigLocation, dataIds: string[]): Promise<Map<string, string>>;
  publish(tx: Transaction, loc: ConfigLocation, request: PublishRequest, meta: WriteMeta): Promise<WriteResult>;
  remove(
    tx: Transaction,
    loc: ConfigLocation,
    dataId: string,
    meta: WriteMeta,
    expectedVersion?: number,
  ): Promise<WriteResult>;
  history(
    loc: ConfigLocation,
    dataId: string,
    page: { pageNo: number; pageSize: number },
  ): Promise<Paged<HistoryRecord>>;
  historyEntry(loc: ConfigLocation, dataId: string, id: number): Promise<HistoryRecord | null>;
  rollback(
    tx: Transaction,
    loc: ConfigLocation,
    dataId: string,
    historyId: number,
    meta: WriteMeta,
  ): Promise<RollbackResult>;
  listeners(loc: ConfigLocation, dataId: string): Promise<ListenerRecord[]>;
}
