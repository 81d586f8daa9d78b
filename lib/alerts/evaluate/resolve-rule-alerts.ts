import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { alertInstances, environments, projects, tenants, type AlertRuleRow } from "@/lib/db/schema";
import { fromJson } from "../json";
import type { Level, Receiver } from "../schemas";
import { applyPlans } from "./apply-plan";
import { planRule } from "./lifecycle";
import { toWorking } from "./working-alert";

/**
 * Resolves a rule's open alerts now (it was disabled): in the caller's transaction, with history
 * and the resolved notifications to those told it fired, exactly as a round that saw no samples.
 */
export async function resolveRuleAlerts(tx: Transaction, rule: AlertRuleRow, now = new Date()): Promise<number> {
  const open = await tx
    .select()
    .from(alertInstances)
    .where(and(eq(alertInstances.ruleId, rule.id), inArray(alertInstances.state, ["pending", "firing"])))
    .for("update");
  if (!open.length) return 0;
  const [names] = await tx
    .select({ tenant: tenants.name, project: projects.name, environment: environments.name })
    .from(environments)
    .innerJoin(projects, eq(projects.id, environments.projectId))
    .innerJoin(tenants, eq(tenants.id, environments.tenantId))
    .where(eq(environments.id, rule.environmentId));
  const plan = {
    id: rule.id,
    name: rule.name,
    forSeconds: rule.forSeconds,
    levels: fromJson<Level[]>(rule.levels),
    receivers: fromJson<Receiver[]>(rule.receivers),
    message: rule.message,
  };
  const alerts = planRule(plan, [], open.map(toWorking), [], now);
  await applyPlans(
    tx,
    { tenantId: rule.tenantId, environmentId: rule.environmentId, ...names },
    [{ rule: plan, alerts }],
    now,
  );
  return open.length;
}
