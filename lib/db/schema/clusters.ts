import {
  boolean,
  index,
  int,
  json,
  mysqlEnum,
  mysqlTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/mysql-core";
import { id, ref, timestamps } from "../columns";

export const CLUSTER_KINDS = ["sandbox", "imported"] as const;

export const clusters = mysqlTable(
  "clusters",
  {
    id: id(),
    name: varchar("name", { length: 63 }).notNull(),
    description: varchar("description", { length: 512 }).notNull().default(""),
    kind: mysqlEnum("kind", CLUSTER_KINDS).notNull().default("imported"),
    /** The API server as the kubeconfig names it, for display; credentials live only in `kubeconfig`. */
    server: varchar("server", { length: 512 }).notNull().default(""),
    /** The kubeconfig, sealed with lib/crypto/secret-box; never sent to a browser. */
    kubeconfig: text("kubeconfig"),
    /** A sysadmin allowed Facet to reach private network addresses for this cluster (its API
     *  server, telemetry backends, external Nacos); loopback and metadata addresses never. */
    egressPrivateAllowed: boolean("egress_private_allowed").notNull().default(false),
    reachable: boolean("reachable"),
    serverVersion: varchar("server_version", { length: 64 }),
    nodeCount: int("node_count"),
    namespaceCount: int("namespace_count"),
    lastError: varchar("last_error", { length: 1024 }),
    checkedAt: timestamp("checked_at", { fsp: 3, mode: "date" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("clusters_name_uq").on(t.name)],
);

/** Namespaces whose environment is gone but whose cleanup on the cluster has not succeeded yet. */
export const namespaceCleanups = mysqlTable(
  "namespace_cleanups",
  {
    id: id(),
    clusterId: ref("cluster_id")
      .notNull()
      .references(() => clusters.id, { onDelete: "cascade" }),
    namespace: varchar("namespace", { length: 63 }).notNull(),
    /** release: an adopted namespace loses Facet's labels and the objects Facet put in it. */
    policy: mysqlEnum("policy", ["delete-namespace", "remove-labels", "release"]).notNull(),
    attempts: int("attempts").notNull().default(0),
    lastError: varchar("last_error", { length: 1024 }),
    ...timestamps,
  },
  (t) => [index("namespace_cleanups_cluster_idx").on(t.clusterId)],
);

export interface PodSecurityOverride {
  enforce?: "privileged" | "baseline" | "restricted";
  warn?: "privileged" | "baseline" | "restricted";
  audit?: "privileged" | "baseline" | "restricted";
}

/** A sysadmin's namespace rules for one cluster; no row means the defaults. */
export const clusterNamespacePolicies = mysqlTable(
  "cluster_namespace_policies",
  {
    id: id(),
    clusterId: ref("cluster_id")
      .notNull()
      .references(() => clusters.id, { onDelete: "cascade" }),
    /** Existing namespaces an environment may adopt (never a reserved one). */
    adoptable: json("adoptable").$type<string[]>().notNull(),
    /** Names (or `prefix-*`) no environment may use, beyond kube-*, default and facet-*. */
    reserved: json("reserved").$type<string[]>().notNull(),
    podSecurity: json("pod_security")
      .$type<{
        default: PodSecurityOverride;
        types: Record<string, PodSecurityOverride>;
        tenants: Record<string, PodSecurityOverride>;
      }>()
      .notNull(),
    version: int("version", { unsigned: true }).notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("cluster_namespace_policies_cluster_uq").on(t.clusterId)],
);

export type ClusterNamespacePolicyRow = typeof clusterNamespacePolicies.$inferSelect;
export type ClusterRow = typeof clusters.$inferSelect;
