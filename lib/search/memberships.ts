import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { environmentMembers, projectMembers, tenantMembers } from "@/lib/db/schema";
import type { EnvironmentRole, ProjectRole, Scope, TenantRole } from "@/lib/rbac";

/** The actor's roles at every level, so each search hit is judged by lib/rbac as its page would be. */
export interface Memberships {
  tenants: Map<number, TenantRole>;
  projects: Map<number, ProjectRole>;
  environments: Map<number, EnvironmentRole>;
}

export async function loadMemberships(actor: Actor): Promise<Memberships> {
  const db = getDb();
  const [t, p, e] = await Promise.all([
    db
      .select({ id: tenantMembers.tenantId, role: tenantMembers.role })
      .from(tenantMembers)
      .where(eq(tenantMembers.userId, actor.id)),
    db
      .select({ id: projectMembers.projectId, role: projectMembers.role })
      .from(projectMembers)
      .where(eq(projectMembers.userId, actor.id)),
    db
      .select({ id: environmentMembers.environmentId, role: environmentMembers.role })
      .from(environmentMembers)
      .where(eq(environmentMembers.userId, actor.id)),
  ]);
  return {
    tenants: new Map(t.map((r) => [r.id, r.role])),
    projects: new Map(p.map((r) => [r.id, r.role])),
    environments: new Map(e.map((r) => [r.id, r.role])),
  };
}

interface Ids {
  tenant: { id: number; name: string };
  project?: { id: number; name: string };
  environment?: { id: number; name: string; type: NonNullable<Scope["environment"]>["type"] };
}

/** The rbac scope of one hit, with the actor's roles filled in from their memberships. */
export function scopeOf(m: Memberships, ids: Ids): Scope {
  return {
    ...ids,
    tenantRole: m.tenants.get(ids.tenant.id) ?? null,
    projectRole: ids.project ? (m.projects.get(ids.project.id) ?? null) : null,
    environmentRole: ids.environment ? (m.environments.get(ids.environment.id) ?? null) : null,
  };
}
