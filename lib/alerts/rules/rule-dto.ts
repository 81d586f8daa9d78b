import "server-only";
import type { AlertRuleRow } from "@/lib/db/schema";
import { fromJson } from "../json";
import type { AlertRuleBody, AlertRuleDto, Level, Receiver } from "../schemas";

export type RuleSpec = Pick<AlertRuleBody, "metric" | "log" | "probe">;

export function ruleDto(row: AlertRuleRow, state: AlertRuleDto["state"] = "ok"): AlertRuleDto {
  const spec = fromJson<RuleSpec>(row.spec);
  return {
    name: row.name,
    kind: row.kind,
    enabled: row.enabled,
    for: row.forSeconds,
    message: row.message,
    levels: fromJson<Level[]>(row.levels),
    receivers: fromJson<Receiver[]>(row.receivers),
    ...(spec.metric ? { metric: spec.metric } : {}),
    ...(spec.log ? { log: spec.log } : {}),
    ...(spec.probe ? { probe: spec.probe } : {}),
    expr: row.expr,
    state,
    lastEvalAt: row.lastEvalAt?.toISOString() ?? null,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The columns a body sets, with its compiled expression. */
export function ruleColumns(body: AlertRuleBody, expr: string, levels: Level[]) {
  const spec: RuleSpec = { [body.kind]: body[body.kind] };
  return {
    kind: body.kind,
    enabled: body.enabled,
    forSeconds: body.for,
    message: body.message,
    levels,
    receivers: body.receivers,
    spec,
    expr,
  };
}
