import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { alertRules } from "@/lib/db/schema";
import { uniqueOrConflict } from "@/lib/db/rows";
import { inTransaction } from "@/lib/db/transaction";
import type { AlertRuleBody } from "../schemas";
import { syncOperatorObjects } from "../sync-operator-objects";
import { compileRule, effectiveLevels } from "./compile";
import { getRuleInEnvironmentOrThrow } from "./get-rule-row";
import { ruleColumns, ruleDto } from "./rule-dto";
import { ruleEnv } from "./rule-env";

/** A rule is compiled (parsed, scoped to the namespace) before anything is written. */
export const createRule = verb(
  "alerts.rules.create",
  "alerts.write",
  async ({ ctx, input }: VerbArgs<AlertRuleBody, EnvironmentCtx>) => {
    const env = await ruleEnv(ctx);
    const expr = compileRule(input, env);
    const columns = ruleColumns(input, expr, effectiveLevels(input));
    const dto = await inTransaction(async (tx) => {
      await uniqueOrConflict(
        tx.insert(alertRules).values({
          tenantId: env.tenantId,
          environmentId: env.environmentId,
          name: input.name,
          createdBy: ctx.actor.username,
          ...columns,
        }),
        `A rule named "${input.name}" already exists here.`,
      );
      const row = await getRuleInEnvironmentOrThrow(tx, env.environmentId, input.name);
      await writeAudit(tx, ctx, {
        action: "alerts.rules.create",
        tenantId: env.tenantId,
        target: `${env.path}/alert-rules/${input.name}`,
        after: columns,
      });
      return ruleDto(row);
    });
    await syncOperatorObjects(ctx, dto.name, dto);
    return dto;
  },
);
