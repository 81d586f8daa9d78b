import "server-only";
import { and, eq, gt, inArray } from "drizzle-orm";
import type { ResultSetHeader } from "mysql2";
import { getDb, getPool } from "@/lib/db/client";
import {
  alertInstances,
  alertRules,
  alertSilences,
  clusters,
  environments,
  projects,
  telemetryBackends,
  tenants,
  type AlertRuleRow,
} from "@/lib/db/schema";
import { sqlText } from "@/lib/db/sql-text";
import { inTransaction } from "@/lib/db/transaction";
import { logger } from "@/lib/observability/logger";
import { existingNamespaceId } from "@/lib/telemetry/store/dictionary";
import { fromJson } from "../json";
import type { RuleSpec } from "../rules/rule-dto";
import type { Level, Receiver } from "../schemas";
import { applyPlans, type EnvNames, type PlannedRule } from "./apply-plan";
import { planRule, type ActiveSilence } from "./lifecycle";
import { RoundMemo, samplesOf, type Backend, type EvalEnv } from "./sources";
import { toWorking } from "./working-alert";

// One evaluation round over every enabled rule. Rules are grouped per environment: one read of
// its open alerts and silences, shared embedded queries (RoundMemo), one write transaction when
// something changed, and a few environments at a time.

const CONCURRENCY = Number(process.env.FACET_ALERT_EVAL_CONCURRENCY ?? 4);

export interface RoundStats {
  rules: number;
  environments: number;
  notifications: number;
  errors: number;
  ms: number;
}

interface EnvRules extends EnvNames {
  clusterId: number;
  namespace: string;
  rules: AlertRuleRow[];
}

const TOUCH_VALUES = sqlText`UPDATE alert_instances SET value = ELT(FIELD(id, ?), ?), last_eval_at = ? WHERE id IN (?)`
  .text;
const RULES_EVALUATED =
  sqlText`UPDATE alert_rules SET last_eval_at = ?, last_error = NULL, updated_at = updated_at WHERE id IN (?)`.text;
const RULE_FAILED =
  sqlText`UPDATE alert_rules SET last_eval_at = ?, last_error = ?, updated_at = updated_at WHERE id = ?`.text;

async function evaluateEnvironment(
  env: EnvRules,
  backends: Map<string, Backend>,
  memo: RoundMemo,
  now: Date,
): Promise<{ notifications: number; errors: number }> {
  const nsId = await existingNamespaceId({
    clusterId: env.clusterId,
    namespace: env.namespace,
    environmentId: env.environmentId,
  });
  const evalEnv: EvalEnv = {
    nsId,
    namespace: env.namespace,
    prometheus: backends.get(`${env.clusterId}/prometheus`) ?? null,
    loki: backends.get(`${env.clusterId}/loki`) ?? null,
  };
  const db = getDb();
  const ruleIds = env.rules.map((r) => r.id);
  const [openRows, silenceRows] = await Promise.all([
    db
      .select()
      .from(alertInstances)
      .where(and(inArray(alertInstances.ruleId, ruleIds), inArray(alertInstances.state, ["pending", "firing"]))),
    db
      .select()
      .from(alertSilences)
      .where(and(eq(alertSilences.environmentId, env.environmentId), gt(alertSilences.endsAt, now))),
  ]);
  const silences: ActiveSilence[] = silenceRows.map((s) => ({
    id: s.id,
    rule: s.rule,
    matchers: fromJson(s.matchers),
  }));
  const plans: PlannedRule[] = [];
  const failed: { id: number; error: string }[] = [];
  await Promise.all(
    env.rules.map(async (row) => {
      const rule = {
        id: row.id,
        name: row.name,
        forSeconds: row.forSeconds,
        levels: fromJson<Level[]>(row.levels),
        receivers: fromJson<Receiver[]>(row.receivers),
        message: row.message,
      };
      const open = openRows.filter((o) => o.ruleId === row.id).map(toWorking);
      try {
        const samples = await samplesOf(
          { kind: row.kind, spec: fromJson<RuleSpec>(row.spec), expr: row.expr },
          evalEnv,
          memo,
        );
        plans.push({ rule, alerts: planRule(rule, samples, open, silences, now) });
      } catch (error) {
        // A failing source leaves the rule's alerts as they are (no false resolve).
        failed.push({ id: row.id, error: (error as Error).message.slice(0, 500) });
        logger.warn({ err: error, rule: row.id }, "alert rule evaluation failed");
      }
    }),
  );
  let notifications = 0;
  if (plans.some((p) => p.alerts.some((a) => a.id === null || a.dirty)))
    notifications = await inTransaction((tx) => applyPlans(tx, env, plans, now));
  const steady = plans.flatMap((p) => p.alerts.filter((a) => a.id !== null && !a.dirty && a.value !== null));
  const pool = getPool();
  if (steady.length)
    await pool.query<ResultSetHeader>(TOUCH_VALUES, [
      steady.map((a) => a.id),
      steady.map((a) => a.value),
      now,
      steady.map((a) => a.id),
    ]);
  const ok = ruleIds.filter((id) => !failed.some((f) => f.id === id));
  if (ok.length) await pool.query<ResultSetHeader>(RULES_EVALUATED, [now, ok]);
  for (const f of failed) await pool.query<ResultSetHeader>(RULE_FAILED, [now, f.error, f.id]);
  return { notifications, errors: failed.length };
}

/** Evaluates every enabled rule once, as of `now`. */
export async function runRound(now = new Date()): Promise<RoundStats> {
  const started = performance.now();
  const db = getDb();
  const rows = await db
    .select({
      rule: alertRules,
      clusterId: environments.clusterId,
      namespace: environments.namespace,
      environment: environments.name,
      project: projects.name,
      tenant: tenants.name,
    })
    .from(alertRules)
    .innerJoin(environments, eq(environments.id, alertRules.environmentId))
    .innerJoin(projects, eq(projects.id, environments.projectId))
    .innerJoin(tenants, eq(tenants.id, alertRules.tenantId))
    .where(eq(alertRules.enabled, true));
  const byEnv = new Map<number, EnvRules>();
  for (const r of rows) {
    let e = byEnv.get(r.rule.environmentId);
    if (!e) {
      e = {
        tenantId: r.rule.tenantId,
        environmentId: r.rule.environmentId,
        tenant: r.tenant,
        project: r.project,
        environment: r.environment,
        clusterId: Number(r.clusterId),
        namespace: r.namespace,
        rules: [],
      };
      byEnv.set(r.rule.environmentId, e);
    }
    e.rules.push(r.rule);
  }
  const clusterIds = [...new Set([...byEnv.values()].map((e) => e.clusterId))];
  const backends = new Map<string, Backend>();
  if (clusterIds.length) {
    const found = await db
      .select({ backend: telemetryBackends, allowPrivate: clusters.egressPrivateAllowed })
      .from(telemetryBackends)
      .innerJoin(clusters, eq(clusters.id, telemetryBackends.clusterId))
      .where(inArray(telemetryBackends.clusterId, clusterIds));
    for (const b of found)
      backends.set(`${b.backend.clusterId}/${b.backend.kind}`, { ...b.backend, allowPrivate: b.allowPrivate });
  }
  const memo = new RoundMemo(now.getTime());
  const queue = [...byEnv.values()];
  const stats = { notifications: 0, errors: 0 };
  await Promise.all(
    Array.from({ length: Math.max(1, CONCURRENCY) }, async () => {
      for (let env = queue.shift(); env; env = queue.shift()) {
        try {
          const r = await evaluateEnvironment(env, backends, memo, now);
          stats.notifications += r.notifications;
          stats.errors += r.errors;
        } catch (error) {
          stats.errors += env.rules.length;
          logger.error({ err: error, environment: env.environmentId }, "alert evaluation of an environment failed");
        }
      }
    }),
  );
  return {
    rules: rows.length,
    environments: byEnv.size,
    ...stats,
    ms: Math.round(performance.now() - started),
  };
}
