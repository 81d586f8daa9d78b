import "server-only";
import { and, asc, eq, inArray, like, or, type Column, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { consolePath } from "@/lib/console/paths";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { containsPattern } from "@/lib/core/pagination";
import { getDb } from "@/lib/db/client";
import { applications, configItems, environments, projects, tenants } from "@/lib/db/schema";
import { decide, type Permission } from "@/lib/rbac";
import { loadMemberships, scopeOf, type Memberships } from "./memberships";
import { isTraceId, type SearchQuery, type SearchResultDto, type SearchResultsDto } from "./schemas";

/** Where the actor may look, as SQL: everything for sysadmins, else only their tenants' rows that a
 *  tenant admin, project member or environment member role reaches. lib/rbac then judges each row. */
function reach(
  actor: Actor,
  m: Memberships,
  cols: { tenantId: Column; projectId?: Column; environmentId?: Column },
): SQL | undefined | false {
  if (actor.systemRole === "sysadmin") return undefined;
  const memberOf = [...m.tenants.keys()];
  if (!memberOf.length) return false;
  const adminOf = [...m.tenants].filter(([, role]) => role === "admin").map(([id]) => id);
  const paths = [
    adminOf.length ? inArray(cols.tenantId, adminOf) : undefined,
    cols.projectId && m.projects.size ? inArray(cols.projectId, [...m.projects.keys()]) : undefined,
    cols.environmentId && m.environments.size ? inArray(cols.environmentId, [...m.environments.keys()]) : undefined,
  ].filter(Boolean);
  if (!cols.projectId) return inArray(cols.tenantId, memberOf);
  if (!paths.length) return false;
  return and(inArray(cols.tenantId, memberOf), or(...paths));
}

const placeColumns = {
  tenantId: tenants.id,
  tenant: tenants.name,
  projectId: projects.id,
  project: projects.name,
  environmentId: environments.id,
  environment: environments.name,
  type: environments.type,
};
type PlaceRow = {
  tenantId: number;
  tenant: string;
  projectId: number;
  project: string;
  environmentId: number;
  environment: string;
  type: "dev" | "test" | "prod";
  name: string;
};
const placeScope = (r: PlaceRow) => ({
  tenant: { id: r.tenantId, name: r.tenant },
  project: { id: r.projectId, name: r.project },
  environment: { id: r.environmentId, name: r.environment, type: r.type },
});

/**
 * Ctrl-K search over what the actor may open: tenants, projects, environments, applications and
 * config items whose name contains q (LIKE wildcards in q match literally), and a trace by id.
 */
export const searchConsole = verb(
  "search.console",
  "search.read",
  async ({ ctx, input }: VerbArgs<SearchQuery>): Promise<SearchResultsDto> => {
    const { actor } = ctx;
    const m = await loadMemberships(actor);
    const db = getDb();
    const pattern = containsPattern(input.q);
    const may = (permission: Permission, ids: Parameters<typeof scopeOf>[1]) =>
      decide(actor, permission, scopeOf(m, ids)).allow;
    const none = Promise.resolve([]);

    const tenantWhere = reach(actor, m, { tenantId: tenants.id });
    const projectWhere = reach(actor, m, { tenantId: projects.tenantId, projectId: projects.id });
    const envCols = {
      tenantId: environments.tenantId,
      projectId: environments.projectId,
      environmentId: environments.id,
    };
    const envWhere = reach(actor, m, envCols);

    const [tenantRows, projectRows, envRows, appRows, configRows] = await Promise.all([
      tenantWhere === false
        ? none
        : db
            .select({ id: tenants.id, name: tenants.name })
            .from(tenants)
            .where(and(like(tenants.name, pattern), tenantWhere))
            .orderBy(asc(tenants.name))
            .limit(input.limit),
      projectWhere === false
        ? none
        : db
            .select({ id: projects.id, name: projects.name, tenantId: tenants.id, tenant: tenants.name })
            .from(projects)
            .innerJoin(tenants, eq(tenants.id, projects.tenantId))
            .where(and(like(projects.name, pattern), projectWhere))
            .orderBy(asc(projects.name), asc(tenants.name))
            .limit(input.limit),
      envWhere === false
        ? none
        : db
            .select({ ...placeColumns, name: environments.name })
            .from(environments)
            .innerJoin(projects, eq(projects.id, environments.projectId))
            .innerJoin(tenants, eq(tenants.id, environments.tenantId))
            .where(and(like(environments.name, pattern), envWhere))
            .orderBy(asc(environments.name), asc(tenants.name), asc(projects.name))
            .limit(input.limit),
      envWhere === false
        ? none
        : db
            .select({ ...placeColumns, name: applications.name })
            .from(applications)
            .innerJoin(environments, eq(environments.id, applications.environmentId))
            .innerJoin(projects, eq(projects.id, environments.projectId))
            .innerJoin(tenants, eq(tenants.id, environments.tenantId))
            .where(and(like(applications.name, pattern), envWhere))
            .orderBy(asc(applications.name), asc(environments.name))
            .limit(input.limit),
      envWhere === false
        ? none
        : db
            .select({ ...placeColumns, name: configItems.dataId })
            .from(configItems)
            .innerJoin(environments, eq(environments.id, configItems.environmentId))
            .innerJoin(projects, eq(projects.id, environments.projectId))
            .innerJoin(tenants, eq(tenants.id, environments.tenantId))
            .where(and(like(configItems.dataId, pattern), envWhere))
            .orderBy(asc(configItems.dataId), asc(environments.name))
            .limit(input.limit),
    ]);

    const items: SearchResultDto[] = [];
    if (isTraceId(input.q)) {
      const id = input.q.toLowerCase();
      items.push({ kind: "trace", name: id, href: consolePath.trace(id) });
    }
    for (const t of tenantRows)
      if (may("tenants.read", { tenant: t }))
        items.push({ kind: "tenant", name: t.name, href: consolePath.tenant(t.name) });
    for (const p of projectRows) {
      const names = { tenant: p.tenant, project: p.name };
      if (may("projects.read", { tenant: { id: p.tenantId, name: p.tenant }, project: p }))
        items.push({ kind: "project", name: p.name, ...names, href: consolePath.project(names) });
    }
    const placed = (kind: "environment" | "application" | "config", permission: Permission, rows: PlaceRow[]) => {
      for (const r of rows) {
        const names = { tenant: r.tenant, project: r.project, environment: r.environment };
        if (!may(permission, placeScope(r))) continue;
        const href = kind === "config" ? consolePath.config(names, r.name) : consolePath.environment(names);
        items.push({ kind, name: r.name, ...names, href });
      }
    };
    placed("environment", "environments.read", envRows);
    placed("application", "applications.read", appRows);
    placed("config", "configs.read", configRows);
    return { items };
  },
);
