import "server-only";
import { and, asc, desc, eq, isNotNull, or } from "drizzle-orm";
import type { AuthedContext } from "@/lib/core/context";
import type { EnvironmentScope } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { environmentMembers, environments, projectMembers, projects, tenantMembers, tenants } from "@/lib/db/schema";
import { decide, type Permission } from "@/lib/rbac";

/** An environment with the actor's roles there: the scope a verb of that environment runs in. */
export interface ReadableEnvironment {
  scope: EnvironmentScope;
}

/**
 * Up to `limit` environments the actor may use `permission` in (sysadmins: all), with whether
 * more exist. Membership is joined in the query, so another tenant's rows never leave the database.
 */
export async function readableEnvironments(
  ctx: AuthedContext,
  permission: Permission,
  limit: number,
  /** By name (tenant, project, environment), or the newest first. */
  order: "name" | "newest" = "name",
): Promise<{ items: ReadableEnvironment[]; truncated: boolean }> {
  const me = ctx.actor.id;
  const sysadmin = ctx.actor.systemRole === "sysadmin";
  const rows = await getDb()
    .select({
      tenant: { id: tenants.id, name: tenants.name },
      project: { id: projects.id, name: projects.name },
      environment: { id: environments.id, name: environments.name, type: environments.type },
      tenantRole: tenantMembers.role,
      projectRole: projectMembers.role,
      environmentRole: environmentMembers.role,
    })
    .from(environments)
    .innerJoin(projects, eq(projects.id, environments.projectId))
    .innerJoin(tenants, eq(tenants.id, environments.tenantId))
    .leftJoin(tenantMembers, and(eq(tenantMembers.tenantId, tenants.id), eq(tenantMembers.userId, me)))
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, me)))
    .leftJoin(
      environmentMembers,
      and(eq(environmentMembers.environmentId, environments.id), eq(environmentMembers.userId, me)),
    )
    .where(
      sysadmin
        ? undefined
        : or(eq(tenantMembers.role, "admin"), isNotNull(projectMembers.role), isNotNull(environmentMembers.role)),
    )
    .orderBy(
      ...(order === "newest"
        ? [desc(environments.id)]
        : [asc(tenants.name), asc(projects.name), asc(environments.name)]),
    )
    .limit(limit + 1);
  const items = rows
    .map((r) => ({ scope: r as EnvironmentScope }))
    .filter((e) => decide(ctx.actor, permission, e.scope).allow);
  return { items: items.slice(0, limit), truncated: rows.length > limit };
}
