import {
  bigint,
  boolean,
  index,
  int,
  json,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  uniqueIndex,
  varchar,
} from "drizzle-orm/mysql-core";
import { id, ref, timestamps } from "../columns";
import { environments } from "./tenancy";
import { tenants } from "./tenants";
import { PROBE_KINDS } from "../../probes/constants";
import type { ProbeChecks } from "../../probes/schemas";

/** An uptime probe of an environment, run by the leader's scheduler through the blackbox exporter. */
export const probes = mysqlTable(
  "probes",
  {
    id: id(),
    tenantId: ref("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    environmentId: ref("environment_id")
      .notNull()
      .references(() => environments.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 63 }).notNull(),
    kind: mysqlEnum("kind", PROBE_KINDS).notNull(),
    target: varchar("target", { length: 2048 }).notNull(),
    intervalSeconds: int("interval_seconds", { unsigned: true }).notNull(),
    timeoutSeconds: int("timeout_seconds", { unsigned: true }).notNull(),
    checks: json("checks").$type<ProbeChecks>().notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** When the scheduler runs it next (epoch ms); kept so the pace survives restarts. */
    nextRunMs: bigint("next_run_ms", { mode: "number", unsigned: true }).notNull().default(0),
    lastRunMs: bigint("last_run_ms", { mode: "number", unsigned: true }),
    lastSuccess: boolean("last_success"),
    lastDurationMs: int("last_duration_ms", { unsigned: true }),
    lastStatusCode: int("last_status_code", { unsigned: true }),
    lastError: varchar("last_error", { length: 1024 }),
    lastCertExpiryMs: bigint("last_cert_expiry_ms", { mode: "number", unsigned: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("probes_env_name_idx").on(t.environmentId, t.name),
    index("probes_due_idx").on(t.enabled, t.nextRunMs),
    index("probes_tenant_idx").on(t.tenantId),
  ],
);

/** Failed runs with the exporter's reason, for the probe page. */
export const probeFailures = mysqlTable(
  "probe_failures",
  {
    id: id(),
    probeId: ref("probe_id")
      .notNull()
      .references(() => probes.id, { onDelete: "cascade" }),
    timeMs: bigint("time_ms", { mode: "number", unsigned: true }).notNull(),
    reason: varchar("reason", { length: 1024 }).notNull(),
  },
  (t) => [
    index("probe_failures_probe_time_idx").on(t.probeId, t.timeMs),
    // The hourly purge by age.
    index("probe_failures_time_idx").on(t.timeMs),
  ],
);

/** Runs and successes per probe and hour, so a list's 24 h / 7 d uptime reads ≤ 168 rows a probe. */
export const probeUptimeHours = mysqlTable(
  "probe_uptime_hours",
  {
    probeId: ref("probe_id")
      .notNull()
      .references(() => probes.id, { onDelete: "cascade" }),
    /** Hours since the epoch. */
    hour: int("hour", { unsigned: true }).notNull(),
    runs: int("runs", { unsigned: true }).notNull(),
    ok: int("ok", { unsigned: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.probeId, t.hour] }), index("probe_uptime_hours_hour_idx").on(t.hour)],
);

export type ProbeRow = typeof probes.$inferSelect;
