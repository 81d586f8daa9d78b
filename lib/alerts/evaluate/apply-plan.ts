import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { alertEvents, alertInstances } from "@/lib/db/schema";
import { enqueueNotifications } from "../channels/enqueue-notifications";
import type { AlertNotification } from "../notification";
import { alertLabels, type PlanRule, type WorkingAlert } from "./lifecycle";

export interface PlannedRule {
  rule: PlanRule;
  alerts: WorkingAlert[];
}

export interface EnvNames {
  tenantId: number;
  environmentId: number;
  tenant: string;
  project: string;
  environment: string;
}

const consoleLink = (e: EnvNames, id: number) =>
  `/tenants/${encodeURIComponent(e.tenant)}/projects/${encodeURIComponent(e.project)}/environments/${encodeURIComponent(e.environment)}/alerts?alert=${id}`;

/**
 * Writes one environment's changed alerts, their history and their notifications in one
 * transaction: a state change and what is told about it commit together or not at all.
 * Returns how many notifications were handed over.
 */
export async function applyPlans(tx: Transaction, env: EnvNames, plans: PlannedRule[], now: Date): Promise<number> {
  const batch: AlertNotification[] = [];
  for (const { rule, alerts } of plans) {
    for (const w of alerts) {
      if (w.id !== null && !w.dirty) continue;
      const columns = {
        state: w.state,
        value: w.value,
        message: w.message,
        firedAt: w.firedAt,
        resolvedAt: w.resolvedAt,
        lastEvalAt: now,
        notified: w.notified,
        lastNotifiedAt: w.lastNotifiedAt,
        silencedBy: w.silencedBy,
        inhibited: w.inhibited,
      };
      if (w.id === null) {
        const [res] = await tx.insert(alertInstances).values({
          tenantId: env.tenantId,
          environmentId: env.environmentId,
          ruleId: rule.id,
          fingerprint: w.fingerprint,
          labels: w.labels,
          severity: w.severity,
          startedAt: w.startedAt,
          ...columns,
        });
        w.id = Number(res.insertId);
      } else {
        // Only while still open: a rule disabled meanwhile has resolved it (resolveRuleAlerts).
        const [res] = await tx
          .update(alertInstances)
          .set(columns)
          .where(and(eq(alertInstances.id, w.id), inArray(alertInstances.state, ["pending", "firing"])));
        if (res.affectedRows === 0) continue;
      }
      const id = w.id;
      if (w.events.length)
        await tx
          .insert(alertEvents)
          .values(
            w.events.map((e) => ({ instanceId: id, at: now, kind: e.kind, value: e.value, severity: w.severity })),
          );
      if (w.notify) {
        const labels = alertLabels(rule.name, w.severity, w.labels);
        batch.push({
          tenantId: env.tenantId,
          environmentId: env.environmentId,
          alertId: id,
          ruleName: rule.name,
          status: w.notify.status,
          severity: w.severity,
          message: w.message,
          value: w.value,
          labels,
          annotations: { summary: w.message, ...(w.notify.repeat ? { repeat: "true" } : {}) },
          fingerprint: `${env.environmentId}-${rule.id}-${w.fingerprint}-${w.severity}`,
          startsAt: w.firedAt ?? w.startedAt,
          endsAt: w.notify.status === "resolved" ? w.resolvedAt : null,
          generatorURL: consoleLink(env, id),
          receivers: w.notify.receivers.map((r) => ({ channel: r.channel, scope: r.scope })),
        });
      }
    }
  }
  if (batch.length) await enqueueNotifications(tx, batch);
  return batch.length;
}
