import "server-only";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { alertRules } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { syncOperatorObjects } from "../sync-operator-objects";
import { getRuleInEnvironmentOrThrow } from "./get-rule-row";
import { ruleDto } from "./rule-dto";

/** Deletes a rule with its alerts and their history (foreign keys cascade). */
export const deleteRule = verb(
  "alerts.rules.delete",
  "alerts.write",
  async ({ ctx, input }: VerbArgs<{ name: string }, EnvironmentCtx>) => {
    const { tenant, project, environment } = ctx.scope;
    await inTransaction(async (tx) => {
      const row = await getRuleInEnvironmentOrThrow(tx, environment.id, input.name, true);
      await tx.delete(alertRules).where(eq(alertRules.id, row.id));
      await writeAudit(tx, ctx, {
        action: "alerts.rules.delete",
        tenantId: tenant.id,
        target: `${tenant.name}/${project.name}/${environment.name}/alert-rules/${input.name}`,
        before: ruleDto(row),
      });
    });
    await syncOperatorObjects(ctx, input.name, null);
    return { deleted: input.name };
  },
);
