import type { AlertInstanceRow } from "@/lib/db/schema";
import { fromJson } from "../json";
import type { WorkingAlert } from "./lifecycle";

/** An open alert as stored, as the lifecycle planner works on it. */
export function toWorking(row: AlertInstanceRow): WorkingAlert {
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    labels: fromJson(row.labels),
    severity: row.severity,
    state: row.state,
    value: row.value,
    message: row.message,
    startedAt: row.startedAt,
    firedAt: row.firedAt,
    resolvedAt: row.resolvedAt,
    notified: fromJson<Record<string, number> | null>(row.notified) ?? {},
    lastNotifiedAt: row.lastNotifiedAt,
    acknowledgedAt: row.acknowledgedAt,
    silencedBy: row.silencedBy,
    inhibited: row.inhibited,
    dirty: false,
    events: [],
    notify: null,
  };
}
