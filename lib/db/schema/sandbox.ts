import {
  bigint,
  char,
  index,
  json,
  mysqlEnum,
  mysqlTable,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/mysql-core";
import { id, ref, timestamps } from "../columns";
import { users } from "./users";

// The sandbox cluster's Kubernetes API stores its objects here (lib/sandbox).

const rv = (name: string) => bigint(name, { mode: "number", unsigned: true });

/** One row (id 1): the global resourceVersion counter and the oldest version watches may resume from. */
export const sandboxState = mysqlTable("sandbox_state", {
  id: id(),
  resourceVersion: rv("resource_version").notNull().default(0),
  compactedVersion: rv("compacted_version").notNull().default(0),
});

/** Current objects; `object` is the JSON as served, group/resource/namespace/name are its key. */
export const sandboxObjects = mysqlTable(
  "sandbox_objects",
  {
    id: id(),
    apiGroup: varchar("api_group", { length: 128 }).notNull(),
    resource: varchar("resource", { length: 128 }).notNull(),
    // "" for cluster-scoped objects.
    namespace: varchar("namespace", { length: 63 }).notNull(),
    name: varchar("name", { length: 253 }).notNull(),
    uid: char("uid", { length: 36 }).notNull(),
    resourceVersion: rv("resource_version").notNull(),
    object: json("object").$type<Record<string, unknown>>().notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("sandbox_objects_key_uq").on(t.apiGroup, t.resource, t.namespace, t.name),
    index("sandbox_objects_ns_idx").on(t.namespace),
    uniqueIndex("sandbox_objects_uid_uq").on(t.uid),
  ],
);

export const SANDBOX_EVENT_TYPES = ["ADDED", "MODIFIED", "DELETED"] as const;

/** Watch log: one row per change, keyed by the resourceVersion it produced; compacted from the oldest end. */
export const sandboxWatchEvents = mysqlTable(
  "sandbox_watch_events",
  {
    id: id(),
    resourceVersion: rv("resource_version").notNull(),
    type: mysqlEnum("type", SANDBOX_EVENT_TYPES).notNull(),
    apiGroup: varchar("api_group", { length: 128 }).notNull(),
    resource: varchar("resource", { length: 128 }).notNull(),
    namespace: varchar("namespace", { length: 63 }).notNull(),
    name: varchar("name", { length: 253 }).notNull(),
    object: json("object").$type<Record<string, unknown>>().notNull(),
    // The state before a MODIFIED change, so selector watches can turn it into ADDED/DELETED.
    previous: json("previous").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { fsp: 3, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sandbox_watch_events_rv_uq").on(t.resourceVersion),
    index("sandbox_watch_events_kind_rv_idx").on(t.apiGroup, t.resource, t.resourceVersion),
  ],
);

/** Bearer tokens for the sandbox API; only the sha256 is kept. */
export const sandboxTokens = mysqlTable(
  "sandbox_tokens",
  {
    id: id(),
    name: varchar("name", { length: 128 }).notNull(),
    /** Who downloaded it; the token dies with that user. Null for Facet's own (the seed's cluster registry). */
    userId: ref("user_id").references(() => users.id, { onDelete: "cascade" }),
    tokenHash: char("token_hash", { length: 64 }).notNull(),
    expiresAt: timestamp("expires_at", { fsp: 3, mode: "date" }),
    revokedAt: timestamp("revoked_at", { fsp: 3, mode: "date" }),
    lastUsedAt: timestamp("last_used_at", { fsp: 3, mode: "date" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("sandbox_tokens_hash_uq").on(t.tokenHash), index("sandbox_tokens_user_idx").on(t.userId)],
);

export type SandboxObjectRow = typeof sandboxObjects.$inferSelect;
export type SandboxWatchEventRow = typeof sandboxWatchEvents.$inferSelect;
export type SandboxTokenRow = typeof sandboxTokens.$inferSelect;
