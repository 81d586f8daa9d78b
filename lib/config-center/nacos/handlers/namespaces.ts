import "server-only";
import { and, count, eq, inArray, or } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import {
  configItems,
  environmentMembers,
  environments,
  projectMembers,
  projects,
  tenantMembers,
  tenants,
} from "@/lib/db/schema";
import type { RequestContext } from "@/lib/core/context";
import { namespaceOf } from "../../namespace";
import { readParams } from "../params";
import { authenticateNacos, type Principal } from "../principal";
import { jsonReply } from "../respond";

/** Projects whose configs the caller may read somewhere: tenant admin, project member or environment member. */
async function visibleProjects(
  principal: Principal,
): Promise<{ id: number; tenantId: number; name: string; tenant: string }[]> {
  const db = getDb();
  const base = db
    .select({ id: projects.id, tenantId: projects.tenantId, name: projects.name, tenant: tenants.name })
    .from(projects)
    .innerJoin(tenants, eq(tenants.id, projects.tenantId));
  if (principal.kind === "key") return base.where(eq(projects.id, principal.grant.project.id));
  const { actor } = principal;
  if (actor.systemRole === "sysadmin") return base.orderBy(tenants.name, projects.name);
  const adminOf = db
    .select({ id: tenantMembers.tenantId })
    .from(tenantMembers)
    .where(and(eq(tenantMembers.userId, actor.id), eq(tenantMembers.role, "admin")));
  const memberOf = db
    .select({ id: projectMembers.projectId })
    .from(projectMembers)
    .where(eq(projectMembers.userId, actor.id));
  const envOf = db
    .select({ id: environments.projectId })
    .from(environmentMembers)
    .innerJoin(environments, eq(environments.id, environmentMembers.environmentId))
    .where(eq(environmentMembers.userId, actor.id));
  const [admins, members, envMembers] = await Promise.all([adminOf, memberOf, envOf]);
  const projectIds = [...members, ...envMembers].map((r) => r.id);
  const tenantIds = admins.map((r) => r.id);
  if (!projectIds.length && !tenantIds.length) return [];
  return base
    .where(
      or(
        projectIds.length ? inArray(projects.id, projectIds) : undefined,
        tenantIds.length ? inArray(projects.tenantId, tenantIds) : undefined,
      ),
    )
    .orderBy(tenants.name, projects.name);
}

/** GET /v1/console/namespaces: one namespace per project the credentials can see. */
export async function namespaces(request: Request, _base: RequestContext): Promise<Response> {
  const principal = await authenticateNacos(await readParams(request), request.headers);
  const visible = await visibleProjects(principal);
  const counts = visible.length
    ? await getDb()
        .select({ projectId: configItems.projectId, n: count() })
        .from(configItems)
        .where(
          inArray(
            configItems.projectId,
            visible.map((p) => p.id),
          ),
        )
        .groupBy(configItems.projectId)
    : [];
  const data = visible.map((p) => ({
    namespace: namespaceOf(p.tenantId, p.id),
    namespaceShowName: `${p.tenant}/${p.name}`,
    namespaceDesc: `Facet project ${p.name} of tenant ${p.tenant}; groups are its environments`,
    quota: 200,
    configCount: counts.find((c) => c.projectId === p.id)?.n ?? 0,
    type: 2,
  }));
  return jsonReply({ code: 200, message: null, data });
}
