import { index, int, json, mysqlEnum, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { id, ref, timestamps, version } from "../columns";
import { environments, projects } from "./tenancy";
import { tenants } from "./tenants";

export const MODEL_DEPLOYMENT_RUNTIMES = ["builtin", "seldon", "kserve"] as const;
export const MODEL_DEPLOYMENT_PHASES = ["Pending", "Running", "Failed"] as const;

export interface ModelDeploymentResources {
  cpu: string;
  memory: string;
}
export interface ModelDeploymentHistoryEntry {
  version: string;
  at: string;
  by: string;
}

/** A model served in an environment: what was asked for, and the last phase Facet recorded. */
export const modelDeployments = mysqlTable(
  "model_deployments",
  {
    id: id(),
    tenantId: ref("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    projectId: ref("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    environmentId: ref("environment_id")
      .notNull()
      .references(() => environments.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 63 }).notNull(),
    source: varchar("source", { length: 63 }).notNull(),
    model: varchar("model", { length: 255 }).notNull(),
    modelVersion: varchar("model_version", { length: 128 }).notNull(),
    runtime: mysqlEnum("runtime", MODEL_DEPLOYMENT_RUNTIMES).notNull(),
    /** The built-in implementation (builtin runtime) or the pipeline task (others). */
    implementation: varchar("implementation", { length: 128 }),
    task: varchar("task", { length: 128 }),
    replicas: int("replicas", { unsigned: true }).notNull().default(1),
    resources: json("resources").$type<ModelDeploymentResources>().notNull(),
    parameters: json("parameters").$type<Record<string, string>>().notNull(),
    phase: mysqlEnum("phase", MODEL_DEPLOYMENT_PHASES).notNull().default("Pending"),
    reason: varchar("reason", { length: 1024 }),
    history: json("history").$type<ModelDeploymentHistoryEntry[]>().notNull(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("model_deployments_env_name_uq").on(t.environmentId, t.name),
    index("model_deployments_tenant_idx").on(t.tenantId),
    // The model page's "deployed in" list.
    index("model_deployments_model_idx").on(t.source, t.model),
  ],
);
export type ModelDeploymentRow = typeof modelDeployments.$inferSelect;
