import "server-only";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { alertEvents, alertInstances, alertRules } from "@/lib/db/schema";
import { foundOrThrow } from "@/lib/db/rows";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { alertDtos } from "./alert-dto";

/** Stops the alert's repeat notifications until it resolves (a new firing is a new alert). */
export const acknowledgeAlert = verb(
  "alerts.acknowledge",
  "alerts.write",
  async ({ ctx, input }: VerbArgs<{ id: number }, EnvironmentCtx>) => {
    const { tenant, project, environment } = ctx.scope;
    const row = await inTransaction(async (tx) => {
      const [found] = await tx
        .select({ alert: alertInstances, rule: alertRules.name, kind: alertRules.kind })
        .from(alertInstances)
        .innerJoin(alertRules, eq(alertRules.id, alertInstances.ruleId))
        .where(and(eq(alertInstances.id, input.id), eq(alertInstances.environmentId, environment.id)))
        .for("update");
      const { alert } = foundOrThrow(found, "alert");
      if (alert.state !== "firing")
        throw new AppError("CONFLICT", "Only a firing alert can be acknowledged.", { details: { state: alert.state } });
      if (!alert.acknowledgedAt) {
        const now = new Date();
        await tx
          .update(alertInstances)
          .set({ acknowledgedBy: ctx.actor.username, acknowledgedAt: now })
          .where(and(eq(alertInstances.id, alert.id), eq(alertInstances.environmentId, environment.id)));
        await tx.insert(alertEvents).values({
          instanceId: alert.id,
          at: now,
          kind: "acknowledged",
          value: alert.value,
          severity: alert.severity,
        });
        await writeAudit(tx, ctx, {
          action: "alerts.acknowledge",
          tenantId: tenant.id,
          target: `${tenant.name}/${project.name}/${environment.name}/alerts/${alert.id}`,
          after: { rule: found.rule, severity: alert.severity },
        });
      }
      const [again] = await tx
        .select({ alert: alertInstances, rule: alertRules.name, kind: alertRules.kind })
        .from(alertInstances)
        .innerJoin(alertRules, eq(alertRules.id, alertInstances.ruleId))
        .where(eq(alertInstances.id, alert.id));
      return again;
    });
    return (await alertDtos([row]))[0];
  },
);
