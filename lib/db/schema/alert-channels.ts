import {
  bigint,
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
import { id, ref, timestamps, version } from "../columns";
import { tenants } from "./tenants";
import { users } from "./users";

export const ALERT_CHANNEL_KINDS = ["webhook", "email", "feishu", "dingtalk", "alertmanager"] as const;
export const ALERT_DELIVERY_STATES = ["pending", "delivered", "failed"] as const;
export const NOTIFICATION_SEVERITIES = ["info", "warning", "error", "critical"] as const;

/** Where alerts are sent. tenant_id NULL = system-wide (owner 0, so names stay unique per owner
 *  although MariaDB lets NULLs repeat in a unique index). `config` may be shown; `secrets`
 *  (URLs with tokens, passwords, signing keys) is sealed JSON and never leaves the server. */
export const alertChannels = mysqlTable(
  "alert_channels",
  {
    id: id(),
    tenantId: ref("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    owner: bigint("owner", { mode: "number", unsigned: true }).notNull(),
    name: varchar("name", { length: 63 }).notNull(),
    kind: mysqlEnum("kind", ALERT_CHANNEL_KINDS).notNull(),
    config: json("config").$type<Record<string, unknown>>().notNull(),
    secrets: text("secrets").notNull(),
    sendResolved: boolean("send_resolved").notNull(),
    lastDeliveryAt: timestamp("last_delivery_at", { fsp: 3, mode: "date" }),
    lastError: text("last_error"),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex("alert_channels_owner_name_uq").on(t.owner, t.name)],
);
export type AlertChannelRow = typeof alertChannels.$inferSelect;

/** The delivery queue: one row per channel and group (one rule's alerts of one evaluation round). */
export const alertDeliveries = mysqlTable(
  "alert_deliveries",
  {
    id: id(),
    channelId: ref("channel_id")
      .notNull()
      .references(() => alertChannels.id, { onDelete: "cascade" }),
    payload: json("payload").$type<Record<string, unknown>>().notNull(),
    state: mysqlEnum("state", ALERT_DELIVERY_STATES).notNull().default("pending"),
    attempts: int("attempts", { unsigned: true }).notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { fsp: 3, mode: "date" }).notNull(),
    lastError: text("last_error"),
    lastStatus: int("last_status"),
    deliveredAt: timestamp("delivered_at", { fsp: 3, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    index("alert_deliveries_due_idx").on(t.state, t.nextAttemptAt),
    index("alert_deliveries_channel_idx").on(t.channelId, t.id),
  ],
);
export type AlertDeliveryRow = typeof alertDeliveries.$inferSelect;

/** In-app notifications (the bell): one row per recipient. */
export const notifications = mysqlTable(
  "notifications",
  {
    id: id(),
    userId: ref("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tenantId: ref("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** alert_instances.id; no foreign key, so a notification outlives its alert's cleanup. */
    alertId: bigint("alert_id", { mode: "number", unsigned: true }),
    title: varchar("title", { length: 255 }).notNull(),
    body: text("body").notNull(),
    severity: mysqlEnum("severity", NOTIFICATION_SEVERITIES).notNull(),
    link: varchar("link", { length: 1024 }),
    readAt: timestamp("read_at", { fsp: 3, mode: "date" }),
    createdAt: timestamp("created_at", { fsp: 3, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.id),
    index("notifications_user_unread_idx").on(t.userId, t.readAt),
  ],
);
export type NotificationRow = typeof notifications.$inferSelect;
