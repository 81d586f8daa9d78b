import { index, json, mysqlEnum, mysqlTable, timestamp, varchar } from "drizzle-orm/mysql-core";
import { id, ref } from "../columns";

export const AUDIT_RESULTS = ["success", "failure"] as const;

export const auditLogs = mysqlTable(
  "audit_logs",
  {
    id: id(),
    at: timestamp("at", { fsp: 3, mode: "date" }).notNull().defaultNow(),
    // Username kept as text so the row survives the user's deletion.
    actor: varchar("actor", { length: 64 }).notNull(),
    action: varchar("action", { length: 64 }).notNull(),
    tenantId: ref("tenant_id"),
    target: varchar("target", { length: 512 }).notNull(),
    diff: json("diff").$type<{ before?: unknown; after?: unknown }>(),
    result: mysqlEnum("result", AUDIT_RESULTS).notNull().default("success"),
    clientAddress: varchar("client_address", { length: 64 }),
    requestId: varchar("request_id", { length: 64 }),
    traceId: varchar("trace_id", { length: 32 }),
  },
  (t) => [
    index("audit_logs_at_idx").on(t.at),
    index("audit_logs_tenant_at_idx").on(t.tenantId, t.at),
    index("audit_logs_actor_at_idx").on(t.actor, t.at),
  ],
);

export type AuditLogRow = typeof auditLogs.$inferSelect;
