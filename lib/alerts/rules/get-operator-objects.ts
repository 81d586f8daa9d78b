import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { environmentTarget } from "@/lib/telemetry/query/target";
import { renderAlertmanagerConfig, renderPrometheusRule } from "../operator-objects";
import { getRuleInEnvironmentOrThrow } from "./get-rule-row";
import { ruleDto } from "./rule-dto";

/** The rule as a PrometheusRule and its routing as an AlertmanagerConfig, both schema-checked. */
export const getOperatorObjects = verb(
  "alerts.rules.prometheus-rule",
  "alerts.read",
  async ({ ctx, input }: VerbArgs<{ name: string }, EnvironmentCtx>) => {
    const row = await getRuleInEnvironmentOrThrow(getDb(), ctx.scope.environment.id, input.name);
    const { namespace } = await environmentTarget(ctx);
    const rule = ruleDto(row);
    return {
      prometheusRule: renderPrometheusRule(rule, namespace),
      alertmanagerConfig: renderAlertmanagerConfig(rule, namespace),
    };
  },
);
