import "server-only";
import { and, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { alertInstances } from "@/lib/db/schema";
import type { AlertRuleDto } from "../schemas";

/** ok / pending / firing per rule id, from its open instances. */
export async function ruleStates(ruleIds: number[]): Promise<Map<number, AlertRuleDto["state"]>> {
  const out = new Map<number, AlertRuleDto["state"]>();
  if (!ruleIds.length) return out;
  const rows = await getDb()
    .select({ ruleId: alertInstances.ruleId, state: alertInstances.state, n: sql<number>`COUNT(*)` })
    .from(alertInstances)
    .where(and(inArray(alertInstances.ruleId, ruleIds), inArray(alertInstances.state, ["pending", "firing"])))
    .groupBy(alertInstances.ruleId, alertInstances.state);
  for (const r of rows)
    if (r.state === "firing" || (r.state === "pending" && out.get(r.ruleId) !== "firing")) out.set(r.ruleId, r.state);
  return out;
}
