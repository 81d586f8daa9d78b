import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { projects, tenants } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { AuthedContext, RequestContext } from "@/lib/core/context";
import { environmentScope } from "@/lib/tenancy/scope";
import { NACOS_KEY_MESSAGE, NACOS_KEY_PATTERN } from "../constants";
import { parseNamespace } from "../namespace";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { keyActor, type Principal } from "./principal";

const noAccess = (namespace: string, group: string) =>
  new AppError("FORBIDDEN", `no permission to namespace '${namespace}' group '${group}'`);

/** A namespace and group as the caller sent them; a key may leave them out to mean its own. */
export function effectiveTarget(principal: Principal, namespace: string, group: string) {
  if (principal.kind !== "key") return { namespace, group };
  return { namespace: namespace || principal.grant.namespace, group: group || principal.grant.environment.name };
}

export function assertGroup(group: string): void {
  if (!NACOS_KEY_PATTERN.test(group)) throw new AppError("VALIDATION", `invalid group: ${NACOS_KEY_MESSAGE}`);
}

/**
 * The verb context for a namespace (project) and group (environment): a key sees exactly its
 * environment, as its reader or operator; a user gets Facet's own roles there, so RBAC
 * decides as in the JSON API. Anything else is 403, whether or not it exists.
 */
export async function contextFor(
  principal: Principal,
  base: RequestContext,
  namespace: string,
  group: string,
): Promise<EnvironmentCtx> {
  assertGroup(group);
  if (principal.kind === "key") {
    const { grant } = principal;
    if (namespace !== grant.namespace || group !== grant.environment.name) throw noAccess(namespace, group);
    return {
      ...base,
      actor: keyActor(grant),
      scope: {
        tenant: grant.tenant,
        project: grant.project,
        environment: grant.environment,
        tenantRole: "member",
        projectRole: null,
        environmentRole: grant.key.access === "read-write" ? "operator" : "reader",
      },
    };
  }
  const ids = parseNamespace(namespace);
  const ctx: AuthedContext = { ...base, actor: principal.actor, scope: {} };
  if (!ids) throw noAccess(namespace, group);
  const [names] = await getDb()
    .select({ tenant: tenants.name, project: projects.name })
    .from(projects)
    .innerJoin(tenants, eq(tenants.id, projects.tenantId))
    .where(and(eq(projects.id, ids.projectId), eq(projects.tenantId, ids.tenantId)))
    .limit(1);
  if (!names) throw noAccess(namespace, group);
  try {
    return {
      ...ctx,
      scope: await environmentScope(ctx, { tenant: names.tenant, project: names.project, environment: group }),
    };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") throw noAccess(namespace, group);
    throw error;
  }
}
