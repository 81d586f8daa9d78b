import "server-only";
import { asc, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { alertEvents, type AlertInstanceRow } from "@/lib/db/schema";
import { alertLabels } from "../evaluate/lifecycle";
import { fromJson } from "../json";
import type { AlertDto, AlertHistoryDto } from "../schemas";

export type AlertRowWithRule = { alert: AlertInstanceRow; rule: string; kind: AlertDto["kind"] };

/** Alerts with their history, in one read of the events. */
export async function alertDtos(rows: AlertRowWithRule[]): Promise<AlertDto[]> {
  const ids = rows.map((r) => r.alert.id);
  const history = new Map<number, AlertHistoryDto[]>();
  if (ids.length) {
    const events = await getDb()
      .select()
      .from(alertEvents)
      .where(inArray(alertEvents.instanceId, ids))
      .orderBy(asc(alertEvents.at), asc(alertEvents.id));
    for (const e of events)
      history.set(e.instanceId, [
        ...(history.get(e.instanceId) ?? []),
        { at: e.at.toISOString(), kind: e.kind, value: e.value, severity: e.severity },
      ]);
  }
  return rows.map(({ alert: a, rule, kind }) => ({
    id: a.id,
    rule,
    kind,
    state: a.state,
    severity: a.severity,
    value: a.value,
    labels: alertLabels(rule, a.severity, fromJson(a.labels)),
    message: a.message,
    startsAt: a.startedAt.toISOString(),
    firedAt: a.firedAt?.toISOString() ?? null,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    acknowledgedBy: a.acknowledgedBy,
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    silenced: a.silencedBy !== null,
    inhibited: a.inhibited,
    history: history.get(a.id) ?? [],
  }));
}
