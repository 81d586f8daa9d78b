import {
  bigint,
  boolean,
  index,
  int,
  json,
  mysqlEnum,
  mysqlTable,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/mysql-core";
import { id, quantityColumns, ref, timestamps, version } from "../columns";
import { clusters } from "./clusters";
import { tenants } from "./tenants";
import { users } from "./users";

import { ENVIRONMENT_ROLES, ENVIRONMENT_TYPES, PROJECT_ROLES, TENANT_ROLES } from "../../rbac/roles";

const tenantRef = () =>
  ref("tenant_id")
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" });
const userRef = () =>
  ref("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

export const tenantMembers = mysqlTable(
  "tenant_members",
  {
    id: id(),
    tenantId: tenantRef(),
    userId: userRef(),
    role: mysqlEnum("role", TENANT_ROLES).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("tenant_members_uq").on(t.tenantId, t.userId), index("tenant_members_user_idx").on(t.userId)],
);

export const tenantQuotas = mysqlTable(
  "tenant_quotas",
  {
    id: id(),
    tenantId: tenantRef(),
    clusterId: ref("cluster_id")
      .notNull()
      .references(() => clusters.id, { onDelete: "cascade" }),
    ...quantityColumns(),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex("tenant_quotas_uq").on(t.tenantId, t.clusterId)],
);

export const projects = mysqlTable(
  "projects",
  {
    id: id(),
    tenantId: tenantRef(),
    name: varchar("name", { length: 63 }).notNull(),
    description: varchar("description", { length: 512 }).notNull().default(""),
    networkIsolation: boolean("network_isolation").notNull().default(true),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex("projects_tenant_name_uq").on(t.tenantId, t.name)],
);

const projectRef = () =>
  ref("project_id")
    .notNull()
    .references(() => projects.id, { onDelete: "cascade" });

export const projectMembers = mysqlTable(
  "project_members",
  {
    id: id(),
    projectId: projectRef(),
    userId: userRef(),
    role: mysqlEnum("role", PROJECT_ROLES).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("project_members_uq").on(t.projectId, t.userId), index("project_members_user_idx").on(t.userId)],
);

export const environments = mysqlTable(
  "environments",
  {
    id: id(),
    tenantId: tenantRef(),
    projectId: projectRef(),
    name: varchar("name", { length: 63 }).notNull(),
    type: mysqlEnum("type", ENVIRONMENT_TYPES).notNull(),
    clusterId: ref("cluster_id")
      .notNull()
      .references(() => clusters.id),
    namespace: varchar("namespace", { length: 63 }).notNull(),
    description: varchar("description", { length: 512 }).notNull().default(""),
    ...quantityColumns(),
    // Default container resources (the namespace's LimitRange).
    defaultRequestCpuMilli: bigint("default_request_cpu_milli", { mode: "number", unsigned: true })
      .notNull()
      .default(100),
    defaultRequestMemoryBytes: bigint("default_request_memory_bytes", { mode: "number", unsigned: true })
      .notNull()
      .default(134217728),
    defaultLimitCpuMilli: bigint("default_limit_cpu_milli", { mode: "number", unsigned: true }).notNull().default(500),
    defaultLimitMemoryBytes: bigint("default_limit_memory_bytes", { mode: "number", unsigned: true })
      .notNull()
      .default(536870912),
    /** What deleting the environment does on the cluster. */
    deletePolicy: mysqlEnum("delete_policy", ["delete-namespace", "remove-labels"])
      .notNull()
      .default("delete-namespace"),
    /** Facet made the namespace (rather than adopting one a sysadmin allowed): only then may it
     *  delete it. Rows older than this column count as adopted, the safe side. */
    namespaceCreated: boolean("namespace_created").notNull().default(false),
    /** NetworkPolicies isolate the namespace from other tenants unless switched off here, on the project or on the tenant. */
    networkIsolation: boolean("network_isolation").notNull().default(true),
    syncStatus: mysqlEnum("sync_status", ["pending", "synced", "error"]).notNull().default("pending"),
    syncError: varchar("sync_error", { length: 1024 }),
    syncedAt: timestamp("synced_at", { fsp: 3, mode: "date" }),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("environments_project_name_uq").on(t.projectId, t.name),
    uniqueIndex("environments_cluster_ns_uq").on(t.clusterId, t.namespace),
    index("environments_tenant_cluster_idx").on(t.tenantId, t.clusterId),
  ],
);

const environmentRef = () =>
  ref("environment_id")
    .notNull()
    .references(() => environments.id, { onDelete: "cascade" });

export const environmentMembers = mysqlTable(
  "environment_members",
  {
    id: id(),
    environmentId: environmentRef(),
    userId: userRef(),
    role: mysqlEnum("role", ENVIRONMENT_ROLES).notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("environment_members_uq").on(t.environmentId, t.userId),
    index("environment_members_user_idx").on(t.userId),
  ],
);

export interface AppPort {
  name: string;
  port: number;
}
export interface AppEnvVar {
  name: string;
  value: string;
}
export interface AppResources {
  requests?: { cpu?: string; memory?: string };
  limits?: { cpu?: string; memory?: string };
}
/** OpenTelemetry SDK settings Facet injects as OTEL_* variables (null: none). */
export interface AppTelemetry {
  sampler: string;
  samplerArg: number | null;
  propagators: string[];
}

export const applications = mysqlTable(
  "applications",
  {
    id: id(),
    tenantId: tenantRef(),
    projectId: projectRef(),
    environmentId: environmentRef(),
    name: varchar("name", { length: 63 }).notNull(),
    image: varchar("image", { length: 512 }).notNull(),
    replicas: int("replicas", { unsigned: true }).notNull().default(1),
    ports: json("ports").$type<AppPort[]>().notNull(),
    env: json("env").$type<AppEnvVar[]>().notNull(),
    resources: json("resources").$type<AppResources>().notNull(),
    telemetry: json("telemetry").$type<AppTelemetry | null>(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("applications_env_name_uq").on(t.environmentId, t.name),
    index("applications_tenant_idx").on(t.tenantId),
  ],
);

export type TenantMemberRow = typeof tenantMembers.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;
export type EnvironmentRow = typeof environments.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;
export type TenantQuotaRow = typeof tenantQuotas.$inferSelect;
