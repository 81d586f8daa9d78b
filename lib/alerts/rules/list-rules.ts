import "server-only";
import { asc, eq } from "drizzle-orm";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { alertRules } from "@/lib/db/schema";
import { ruleDto } from "./rule-dto";
import { ruleStates } from "./rule-state";

export const listRules = verb(
  "alerts.rules.list",
  "alerts.read",
  async ({ ctx }: VerbArgs<undefined, EnvironmentCtx>) => {
    const rows = await getDb()
      .select()
      .from(alertRules)
      .where(eq(alertRules.environmentId, ctx.scope.environment.id))
      .orderBy(asc(alertRules.name));
    const states = await ruleStates(rows.map((r) => r.id));
    return { items: rows.map((r) => ruleDto(r, states.get(r.id))) };
  },
);
