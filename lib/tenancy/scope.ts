import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { environmentMembers, environments, projectMembers, projects, tenantMembers, tenants } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { AuthedContext } from "@/lib/core/context";
import type { EnvironmentScope, ProjectScope, TenantScope } from "@/lib/core/scoped-context";
import { cachedScopeRow } from "./scope-cache";
import type { EnvironmentParams, ProjectParams, TenantParams } from "./schemas";

const missing = (kind: string) => new AppError("NOT_FOUND", `The ${kind} does not exist.`);

/** The tenant and the actor's role in it. Someone outside the tenant is told it does not exist. */
export async function tenantScope(ctx: AuthedContext, params: TenantParams): Promise<TenantScope> {
  const row = await cachedScopeRow(["tenant", ctx.actor.id, params.tenant], async () => {
    const [found] = await getDb()
      .select({ id: tenants.id, name: tenants.name, role: tenantMembers.role })
      .from(tenants)
      .leftJoin(tenantMembers, and(eq(tenantMembers.tenantId, tenants.id), eq(tenantMembers.userId, ctx.actor.id)))
      .where(eq(tenants.name, params.tenant))
      .limit(1);
    return found;
  });
  if (!row || (!row.role && ctx.actor.systemRole !== "sysadmin")) throw missing("tenant");
  return { tenant: { id: row.id, name: row.name }, tenantRole: row.role };
}

export async function projectScope(ctx: AuthedContext, params: ProjectParams): Promise<ProjectScope> {
  const scope = await tenantScope(ctx, params);
  const row = await cachedScopeRow(["project", ctx.actor.id, scope.tenant.id, params.project], async () => {
    const [found] = await getDb()
      .select({ id: projects.id, name: projects.name, role: projectMembers.role })
      .from(projects)
      .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, ctx.actor.id)))
      .where(and(eq(projects.tenantId, scope.tenant.id), eq(projects.name, params.project)))
      .limit(1);
    return found;
  });
  if (!row) throw missing("project");
  return { ...scope, project: { id: row.id, name: row.name }, projectRole: row.role };
}

export async function environmentScope(ctx: AuthedContext, params: EnvironmentParams): Promise<EnvironmentScope> {
  const scope = await projectScope(ctx, params);
  const row = await cachedScopeRow(["environment", ctx.actor.id, scope.project.id, params.environment], async () => {
    const [found] = await getDb()
      .select({ id: environments.id, name: environments.name, type: environments.type, role: environmentMembers.role })
      .from(environments)
      .leftJoin(
        environmentMembers,
        and(eq(environmentMembers.environmentId, environments.id), eq(environmentMembers.userId, ctx.actor.id)),
      )
      .where(and(eq(environments.projectId, scope.project.id), eq(environments.name, params.environment)))
      .limit(1);
    return found;
  });
  if (!row) throw missing("environment");
  return { ...scope, environment: { id: row.id, name: row.name, type: row.type }, environmentRole: row.role };
}

/** Ids from a resolved scope, for verbs; throws if the route forgot to resolve it. */
export function scopeIds(ctx: AuthedContext) {
  const { tenant, project, environment } = ctx.scope;
  return {
    tenantId: tenant?.id ?? fail("tenant"),
    projectId: project?.id,
    environmentId: environment?.id,
  };
}

function fail(level: string): never {
  throw new AppError("INTERNAL", `${level} scope was not resolved`);
}
