import {
  char,
  customType,
  index,
  json,
  mediumtext,
  mysqlEnum,
  mysqlTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/mysql-core";
import { id, ref, timestamps, version } from "../columns";
import { clusters } from "./clusters";
import { environments, projects } from "./tenancy";
import { tenants } from "./tenants";

import { CONFIG_KEY_ACCESS, CONFIG_TYPES } from "../../config-center/constants";

/** Nacos' history operations: insert, update, delete. */
export const CONFIG_OPS = ["I", "U", "D"] as const;
/** Through what a change came in. */
export const CONFIG_SOURCES = ["console", "api", "nacos", "rollback"] as const;
export const CONFIG_BACKEND_KINDS = ["nacos"] as const;

// Nacos data ids are case-sensitive ASCII; the database's default collation is not.
const asciiKey = customType<{ data: string; config: { length: number } }>({
  dataType: (config) => `varchar(${config?.length ?? 255}) CHARACTER SET ascii COLLATE ascii_bin`,
});

const tenantRef = () =>
  ref("tenant_id")
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" });
const projectRef = () =>
  ref("project_id")
    .notNull()
    .references(() => projects.id, { onDelete: "cascade" });
const environmentRef = () =>
  ref("environment_id")
    .notNull()
    .references(() => environments.id, { onDelete: "cascade" });

/** A config item: Nacos namespace = the project, group = the environment, plus the data id. */
export const configItems = mysqlTable(
  "config_items",
  {
    id: id(),
    tenantId: tenantRef(),
    projectId: projectRef(),
    environmentId: environmentRef(),
    dataId: asciiKey("data_id", { length: 255 }).notNull(),
    content: mediumtext("content").notNull(),
    type: mysqlEnum("type", CONFIG_TYPES).notNull().default("text"),
    /** Lowercase hex MD5 of the content's UTF-8 bytes, as Nacos clients compute it. */
    md5: char("md5", { length: 32 }).notNull(),
    appName: varchar("app_name", { length: 128 }).notNull().default(""),
    description: varchar("description", { length: 512 }).notNull().default(""),
    tags: json("tags").$type<string[]>().notNull(),
    createdBy: varchar("created_by", { length: 64 }).notNull(),
    createdIp: varchar("created_ip", { length: 64 }),
    updatedBy: varchar("updated_by", { length: 64 }).notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("config_items_env_data_uq").on(t.environmentId, t.dataId),
    index("config_items_tenant_idx").on(t.tenantId),
  ],
);

/** Every publish and delete, with the content before and after. Rows outlive their config item. */
export const configHistory = mysqlTable(
  "config_history",
  {
    id: id(),
    tenantId: tenantRef(),
    projectId: projectRef(),
    environmentId: environmentRef(),
    /** The config item's id at the time (Nacos' `id`, for `previous`); not a foreign key. */
    configId: ref("config_id").notNull(),
    dataId: asciiKey("data_id", { length: 255 }).notNull(),
    op: mysqlEnum("op", CONFIG_OPS).notNull(),
    source: mysqlEnum("source", CONFIG_SOURCES).notNull(),
    contentBefore: mediumtext("content_before"),
    contentAfter: mediumtext("content_after"),
    md5Before: char("md5_before", { length: 32 }),
    md5After: char("md5_after", { length: 32 }),
    typeBefore: mysqlEnum("type_before", CONFIG_TYPES),
    typeAfter: mysqlEnum("type_after", CONFIG_TYPES),
    appName: varchar("app_name", { length: 128 }).notNull().default(""),
    actor: varchar("actor", { length: 64 }).notNull(),
    clientAddress: varchar("client_address", { length: 64 }),
    /** For source `rollback`: the entry whose change was undone. */
    rollbackOf: ref("rollback_of"),
    createdAt: timestamp("created_at", { fsp: 3, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("config_history_env_data_idx").on(t.environmentId, t.dataId, t.id),
    index("config_history_config_idx").on(t.configId),
    index("config_history_tenant_idx").on(t.tenantId),
  ],
);

/** Nacos credentials for one environment; only a SHA-256 of the random password is kept. */
export const configKeys = mysqlTable(
  "config_keys",
  {
    id: id(),
    tenantId: tenantRef(),
    projectId: projectRef(),
    environmentId: environmentRef(),
    name: varchar("name", { length: 128 }).notNull(),
    access: mysqlEnum("access", CONFIG_KEY_ACCESS).notNull(),
    username: varchar("username", { length: 64 }).notNull(),
    secretHash: char("secret_hash", { length: 64 }).notNull(),
    createdBy: varchar("created_by", { length: 64 }).notNull(),
    lastUsedAt: timestamp("last_used_at", { fsp: 3, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("config_keys_username_uq").on(t.username),
    uniqueIndex("config_keys_env_name_uq").on(t.environmentId, t.name),
    index("config_keys_tenant_idx").on(t.tenantId),
  ],
);

/** A cluster whose environments keep their configs in an external Nacos instead of Facet. */
export const configBackends = mysqlTable(
  "config_backends",
  {
    id: id(),
    clusterId: ref("cluster_id")
      .notNull()
      .references(() => clusters.id, { onDelete: "cascade" }),
    kind: mysqlEnum("kind", CONFIG_BACKEND_KINDS).notNull().default("nacos"),
    /** Base URL, e.g. http://nacos.example:8848 */
    serverAddr: varchar("server_addr", { length: 512 }).notNull(),
    contextPath: varchar("context_path", { length: 64 }).notNull().default("nacos"),
    username: varchar("username", { length: 128 }),
    /** Sealed with lib/crypto/secret-box. */
    password: text("password"),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex("config_backends_cluster_uq").on(t.clusterId)],
);

export type ConfigItemRow = typeof configItems.$inferSelect;
export type ConfigHistoryRow = typeof configHistory.$inferSelect;
export type ConfigKeyRow = typeof configKeys.$inferSelect;
export type ConfigBackendRow = typeof configBackends.$inferSelect;
export type ConfigOp = (typeof CONFIG_OPS)[number];
export type ConfigSource = (typeof CONFIG_SOURCES)[number];
