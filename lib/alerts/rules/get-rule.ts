import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { getRuleInEnvironmentOrThrow } from "./get-rule-row";
import { ruleDto } from "./rule-dto";
import { ruleStates } from "./rule-state";

export const getRule = verb(
  "alerts.rules.get",
  "alerts.read",
  async ({ ctx, input }: VerbArgs<{ name: string }, EnvironmentCtx>) => {
    const row = await getRuleInEnvironmentOrThrow(getDb(), ctx.scope.environment.id, input.name);
    return ruleDto(row, (await ruleStates([row.id])).get(row.id));
  },
);
