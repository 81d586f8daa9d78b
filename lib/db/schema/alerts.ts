import {
  bigint,
  boolean,
  char,
  double,
  index,
  json,
  mysqlEnum,
  mysqlTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/mysql-core";
import { id, ref, timestamps, version } from "../columns";
import { environments } from "./tenancy";
import { tenants } from "./tenants";

export const ALERT_RULE_KINDS = ["metric", "log", "probe"] as const;
export const ALERT_SEVERITIES = ["info", "warning", "error", "critical"] as const;
export const ALERT_STATES = ["pending", "firing", "resolved"] as const;
export const ALERT_EVENT_KINDS = [
  "pending",
  "firing",
  "resolved",
  "silenced",
  "acknowledged",
  "notified",
  "inhibited",
] as const;

const tenantRef = () =>
  ref("tenant_id")
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" });
const environmentRef = () =>
  ref("environment_id")
    .notNull()
    .references(() => environments.id, { onDelete: "cascade" });

/** A rule of an environment; `spec` holds the kind's part (template, LogQL template, probe) as sent. */
export const alertRules = mysqlTable(
  "alert_rules",
  {
    id: id(),
    tenantId: tenantRef(),
    environmentId: environmentRef(),
    name: varchar("name", { length: 63 }).notNull(),
    kind: mysqlEnum("kind", ALERT_RULE_KINDS).notNull(),
    enabled: boolean("enabled").notNull().default(true),
    forSeconds: bigint("for_seconds", { mode: "number", unsigned: true }).notNull().default(0),
    message: text("message").notNull(),
    levels: json("levels").notNull(),
    receivers: json("receivers").notNull(),
    spec: json("spec").notNull(),
    /** The compiled PromQL/LogQL with the namespace matcher injected. */
    expr: text("expr").notNull(),
    createdBy: varchar("created_by", { length: 64 }).notNull(),
    lastEvalAt: timestamp("last_eval_at", { fsp: 3, mode: "date" }),
    lastError: varchar("last_error", { length: 512 }),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("alert_rules_env_name_uq").on(t.environmentId, t.name),
    index("alert_rules_tenant_idx").on(t.tenantId),
  ],
);

/** One per rule × label set × level while it is open; resolved rows stay as history. */
export const alertInstances = mysqlTable(
  "alert_instances",
  {
    id: id(),
    tenantId: tenantRef(),
    environmentId: environmentRef(),
    ruleId: ref("rule_id")
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    fingerprint: char("fingerprint", { length: 32 }).notNull(),
    labels: json("labels").notNull(),
    severity: mysqlEnum("severity", ALERT_SEVERITIES).notNull(),
    state: mysqlEnum("state", ALERT_STATES).notNull(),
    value: double("value"),
    message: text("message").notNull(),
    startedAt: timestamp("started_at", { fsp: 3, mode: "date" }).notNull(),
    firedAt: timestamp("fired_at", { fsp: 3, mode: "date" }),
    resolvedAt: timestamp("resolved_at", { fsp: 3, mode: "date" }),
    lastEvalAt: timestamp("last_eval_at", { fsp: 3, mode: "date" }).notNull(),
    /** Last notification per receiver ("scope/channel" → epoch ms), for repeat intervals. */
    notified: json("notified"),
    lastNotifiedAt: timestamp("last_notified_at", { fsp: 3, mode: "date" }),
    acknowledgedBy: varchar("acknowledged_by", { length: 64 }),
    acknowledgedAt: timestamp("acknowledged_at", { fsp: 3, mode: "date" }),
    silencedBy: ref("silenced_by"),
    inhibited: boolean("inhibited").notNull().default(false),
  },
  (t) => [
    index("alert_instances_rule_state_idx").on(t.ruleId, t.state),
    index("alert_instances_env_state_idx").on(t.environmentId, t.state, t.startedAt),
    index("alert_instances_tenant_idx").on(t.tenantId, t.startedAt),
  ],
);

export const alertEvents = mysqlTable(
  "alert_events",
  {
    id: id(),
    instanceId: ref("instance_id")
      .notNull()
      .references(() => alertInstances.id, { onDelete: "cascade" }),
    at: timestamp("at", { fsp: 3, mode: "date" }).notNull(),
    kind: mysqlEnum("kind", ALERT_EVENT_KINDS).notNull(),
    value: double("value"),
    severity: mysqlEnum("severity", ALERT_SEVERITIES).notNull(),
  },
  (t) => [index("alert_events_instance_idx").on(t.instanceId, t.at)],
);

/** Silences notifications of a rule (by name) and/or alerts whose labels match every matcher. */
export const alertSilences = mysqlTable(
  "alert_silences",
  {
    id: id(),
    tenantId: tenantRef(),
    environmentId: environmentRef(),
    rule: varchar("rule", { length: 63 }),
    matchers: json("matchers").notNull(),
    endsAt: timestamp("ends_at", { fsp: 3, mode: "date" }).notNull(),
    comment: varchar("comment", { length: 1024 }).notNull(),
    createdBy: varchar("created_by", { length: 64 }).notNull(),
    ...timestamps,
  },
  (t) => [index("alert_silences_env_idx").on(t.environmentId, t.endsAt)],
);

export type AlertRuleRow = typeof alertRules.$inferSelect;
export type AlertInstanceRow = typeof alertInstances.$inferSelect;
export type AlertSilenceRow = typeof alertSilences.$inferSelect;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];
