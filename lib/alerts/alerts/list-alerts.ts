import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { alertInstances, alertRules } from "@/lib/db/schema";
import type { AlertsQuery } from "../schemas";
import { alertDtos } from "./alert-dto";

export const listAlerts = verb(
  "alerts.list",
  "alerts.read",
  async ({ ctx, input }: VerbArgs<AlertsQuery, EnvironmentCtx>) => {
    const where: SQL[] = [eq(alertInstances.environmentId, ctx.scope.environment.id)];
    if (input.state) where.push(eq(alertInstances.state, input.state));
    if (input.severity) where.push(eq(alertInstances.severity, input.severity));
    const rows = await getDb()
      .select({ alert: alertInstances, rule: alertRules.name, kind: alertRules.kind })
      .from(alertInstances)
      .innerJoin(alertRules, eq(alertRules.id, alertInstances.ruleId))
      .where(and(...where))
      .orderBy(desc(alertInstances.startedAt), desc(alertInstances.id))
      .limit(input.limit);
    return { items: await alertDtos(rows) };
  },
);
