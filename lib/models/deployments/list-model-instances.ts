import "server-only";
import { and, eq, isNotNull, or } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import {
  environmentMembers,
  environments,
  modelDeployments,
  projectMembers,
  projects,
  tenantMembers,
  tenants,
} from "@/lib/db/schema";
import { decide } from "@/lib/rbac";
import type { ModelInstance } from "./model-instance";

/** The model page shows at most this many of its deployments. */
const MAX_INSTANCES = 200;

/**
 * Where a catalog model is deployed: only in environments the actor may read (others are not
 * counted or named), with the phase Facet last recorded.
 */
export async function listModelInstances(actor: Actor, source: string, model: string): Promise<ModelInstance[]> {
  const rows = await getDb()
    .select({
      tenant: { id: tenants.id, name: tenants.name },
      project: { id: projects.id, name: projects.name },
      environment: { id: environments.id, name: environments.name, type: environments.type },
      tenantRole: tenantMembers.role,
      projectRole: projectMembers.role,
      environmentRole: environmentMembers.role,
      deployment: {
        name: modelDeployments.name,
        version: modelDeployments.modelVersion,
        runtime: modelDeployments.runtime,
        replicas: modelDeployments.replicas,
        phase: modelDeployments.phase,
        reason: modelDeployments.reason,
      },
    })
    .from(modelDeployments)
    .innerJoin(environments, eq(environments.id, modelDeployments.environmentId))
    .innerJoin(projects, eq(projects.id, modelDeployments.projectId))
    .innerJoin(tenants, eq(tenants.id, modelDeployments.tenantId))
    .leftJoin(tenantMembers, and(eq(tenantMembers.tenantId, tenants.id), eq(tenantMembers.userId, actor.id)))
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, actor.id)))
    .leftJoin(
      environmentMembers,
      and(eq(environmentMembers.environmentId, environments.id), eq(environmentMembers.userId, actor.id)),
    )
    .where(
      and(
        eq(modelDeployments.source, source),
        eq(modelDeployments.model, model),
        // Narrowed in SQL to where the actor has a role, so others' deployments never use up the
        // page; decide() below is the rule itself.
        actor.systemRole === "sysadmin"
          ? undefined
          : or(eq(tenantMembers.role, "admin"), isNotNull(projectMembers.role), isNotNull(environmentMembers.role)),
      ),
    )
    .orderBy(tenants.name, projects.name, environments.name, modelDeployments.name)
    .limit(MAX_INSTANCES);
  return rows
    .filter((r) => decide(actor, "model-deployments.read", r).allow)
    .map((r) => ({
      tenant: r.tenant.name,
      project: r.project.name,
      environment: r.environment.name,
      ...r.deployment,
    }));
}
