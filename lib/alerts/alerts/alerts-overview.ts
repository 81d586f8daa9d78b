import "server-only";
import { and, desc, eq, gte, inArray, isNotNull, or, sql } from "drizzle-orm";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { TenantCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import {
  alertInstances,
  alertRules,
  environmentMembers,
  environments,
  projectMembers,
  projects,
} from "@/lib/db/schema";
import { SEVERITIES, type AlertsOverviewDto, type Severity } from "../schemas";
import { alertDtos } from "./alert-dto";

/** The environments of the tenant the actor reads (as environments.read decides). */
async function readableEnvironments(ctx: TenantCtx) {
  const all = ctx.actor.systemRole === "sysadmin" || ctx.scope.tenantRole === "admin";
  return getDb()
    .select({ id: environments.id, environment: environments.name, project: projects.name })
    .from(environments)
    .innerJoin(projects, eq(projects.id, environments.projectId))
    .leftJoin(
      projectMembers,
      and(eq(projectMembers.projectId, environments.projectId), eq(projectMembers.userId, ctx.actor.id)),
    )
    .leftJoin(
      environmentMembers,
      and(eq(environmentMembers.environmentId, environments.id), eq(environmentMembers.userId, ctx.actor.id)),
    )
    .where(
      and(
        eq(environments.tenantId, ctx.scope.tenant.id),
        all ? undefined : or(isNotNull(projectMembers.id), isNotNull(environmentMembers.id)),
      ),
    );
}

/** Firing now, by severity, fired today, per environment, and the latest alerts: of what the actor reads. */
export const alertsOverview = verb(
  "alerts.overview",
  "tenants.read",
  async ({ ctx }: VerbArgs<undefined, TenantCtx>): Promise<AlertsOverviewDto> => {
    const envs = await readableEnvironments(ctx);
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    const empty: AlertsOverviewDto = { firing: 0, bySeverity, today: 0, environments: [], recent: [] };
    if (!envs.length) return empty;
    const ids = envs.map((e) => e.id);
    const db = getDb();
    const midnight = new Date();
    midnight.setUTCHours(0, 0, 0, 0);
    const mine = and(eq(alertInstances.tenantId, ctx.scope.tenant.id), inArray(alertInstances.environmentId, ids));
    const [firing, today, recent] = await Promise.all([
      db
        .select({ env: alertInstances.environmentId, severity: alertInstances.severity, n: sql<number>`COUNT(*)` })
        .from(alertInstances)
        .where(and(mine, eq(alertInstances.state, "firing")))
        .groupBy(alertInstances.environmentId, alertInstances.severity),
      db
        .select({ n: sql<number>`COUNT(*)` })
        .from(alertInstances)
        .where(and(mine, gte(alertInstances.firedAt, midnight))),
      db
        .select({ alert: alertInstances, rule: alertRules.name, kind: alertRules.kind })
        .from(alertInstances)
        .innerJoin(alertRules, eq(alertRules.id, alertInstances.ruleId))
        .where(mine)
        .orderBy(desc(alertInstances.startedAt), desc(alertInstances.id))
        .limit(20),
    ]);
    const perEnv = new Map<number, number>();
    for (const f of firing) {
      const n = Number(f.n);
      bySeverity[f.severity] += n;
      perEnv.set(f.env, (perEnv.get(f.env) ?? 0) + n);
    }
    const names = new Map(envs.map((e) => [e.id, e]));
    const dtos = await alertDtos(recent);
    return {
      firing: [...perEnv.values()].reduce((a, b) => a + b, 0),
      bySeverity,
      today: Number(today[0]?.n ?? 0),
      environments: envs
        .map((e) => ({ project: e.project, environment: e.environment, firing: perEnv.get(e.id) ?? 0 }))
        .sort(
          (a, b) =>
            b.firing - a.firing || a.project.localeCompare(b.project) || a.environment.localeCompare(b.environment),
        ),
      recent: dtos.map((d, i) => {
        const e = names.get(recent[i].alert.environmentId)!;
        return { ...d, project: e.project, environment: e.environment };
      }),
    };
  },
);
