import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { alertRules, type AlertRuleRow } from "@/lib/db/schema";
import { foundOrThrow } from "@/lib/db/rows";

/** The environment's rule by name (locked when `lock`), or 404. */
export async function getRuleInEnvironmentOrThrow(
  db: Executor,
  environmentId: number,
  name: string,
  lock = false,
): Promise<AlertRuleRow> {
  const q = db
    .select()
    .from(alertRules)
    .where(and(eq(alertRules.environmentId, environmentId), eq(alertRules.name, name)))
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return foundOrThrow(row, "alert rule");
}
