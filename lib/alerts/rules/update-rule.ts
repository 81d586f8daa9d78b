import "server-only";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { alertRules } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import type { AlertRuleBody } from "../schemas";
import { syncOperatorObjects } from "../sync-operator-objects";
import { resolveRuleAlerts } from "../evaluate/resolve-rule-alerts";
import { compileRule, effectiveLevels } from "./compile";
import { getRuleInEnvironmentOrThrow } from "./get-rule-row";
import { ruleColumns, ruleDto } from "./rule-dto";
import { ruleEnv } from "./rule-env";
import { ruleStates } from "./rule-state";

/** Replaces a rule (enable/disable is `enabled` in the body); its open alerts keep their history. */
export const updateRule = verb(
  "alerts.rules.update",
  "alerts.write",
  async ({ ctx, input }: VerbArgs<{ name: string; body: AlertRuleBody }, EnvironmentCtx>) => {
    if (input.body.name !== input.name)
      throw new AppError("VALIDATION", "The rule is not valid.", {
        errors: [{ path: "name", message: "A rule cannot be renamed." }],
      });
    const env = await ruleEnv(ctx);
    const expr = compileRule(input.body, env);
    const columns = ruleColumns(input.body, expr, effectiveLevels(input.body));
    const row = await inTransaction(async (tx) => {
      const before = await getRuleInEnvironmentOrThrow(tx, env.environmentId, input.name, true);
      await tx
        .update(alertRules)
        .set({ ...columns, version: before.version + 1 })
        .where(eq(alertRules.id, before.id));
      // A rule switched off tells its open alerts' receivers they resolved, as a quiet round would.
      if (before.enabled && !input.body.enabled) await resolveRuleAlerts(tx, before);
      await writeAudit(tx, ctx, {
        action: "alerts.rules.update",
        tenantId: env.tenantId,
        target: `${env.path}/alert-rules/${input.name}`,
        before: ruleDto(before),
        after: columns,
      });
      return getRuleInEnvironmentOrThrow(tx, env.environmentId, input.name);
    });
    const dto = ruleDto(row, (await ruleStates([row.id])).get(row.id));
    await syncOperatorObjects(ctx, dto.name, dto);
    return dto;
  },
);
