import "server-only";
import { and, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { alertRules, alertSilences } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import type { SilenceBody } from "../schemas";
import { silenceDto } from "./silence-dto";

/** Takes effect at the next evaluation round: silenced alerts notify nobody until it ends. */
export const createSilence = verb(
  "alerts.silences.create",
  "alerts.write",
  async ({ ctx, input }: VerbArgs<SilenceBody, EnvironmentCtx>) => {
    const { tenant, project, environment } = ctx.scope;
    return inTransaction(async (tx) => {
      if (input.rule) {
        const [rule] = await tx
          .select({ id: alertRules.id })
          .from(alertRules)
          .where(and(eq(alertRules.environmentId, environment.id), eq(alertRules.name, input.rule)));
        if (!rule)
          throw new AppError("VALIDATION", "The silence is not valid.", {
            errors: [{ path: "rule", message: "No rule of this environment has this name." }],
          });
      }
      const [res] = await tx.insert(alertSilences).values({
        tenantId: tenant.id,
        environmentId: environment.id,
        rule: input.rule ?? null,
        matchers: input.matchers,
        endsAt: input.endsAt,
        comment: input.comment,
        createdBy: ctx.actor.username,
      });
      const [row] = await tx
        .select()
        .from(alertSilences)
        .where(eq(alertSilences.id, Number(res.insertId)));
      await writeAudit(tx, ctx, {
        action: "alerts.silences.create",
        tenantId: tenant.id,
        target: `${tenant.name}/${project.name}/${environment.name}/silences/${row.id}`,
        after: { rule: input.rule ?? null, matchers: input.matchers, endsAt: input.endsAt, comment: input.comment },
      });
      return silenceDto(row);
    });
  },
);
