import "server-only";
import { environmentMembers, projectMembers, tenantMembers } from "@/lib/db/schema";
import type { Permission } from "@/lib/rbac";
import { resolved, type TenantCtx } from "@/lib/core/scoped-context";

/** The three places people can be members of, described once for the member verbs. */
export const MEMBER_LEVELS = {
  tenant: {
    table: tenantMembers,
    parent: tenantMembers.tenantId,
    parentKey: "tenantId",
    parentId: (ctx: TenantCtx) => ctx.scope.tenant.id,
    read: "tenants.members.read",
    update: "tenants.members.update",
  },
  project: {
    table: projectMembers,
    parent: projectMembers.projectId,
    parentKey: "projectId",
    parentId: (ctx: TenantCtx) => resolved(ctx.scope.project, "project").id,
    read: "projects.members.read",
    update: "projects.members.update",
  },
  environment: {
    table: environmentMembers,
    parent: environmentMembers.environmentId,
    parentKey: "environmentId",
    parentId: (ctx: TenantCtx) => resolved(ctx.scope.environment, "environment").id,
    read: "environments.members.read",
    update: "environments.members.update",
  },
} as const satisfies Record<string, { read: Permission; update: Permission; [k: string]: unknown }>;

export type MemberLevel = keyof typeof MEMBER_LEVELS;
// The member tables share one shape; typing them as the tenant table keeps queries simple.
export type MemberTable = typeof tenantMembers;

export function table(level: MemberLevel): MemberTable {
  return MEMBER_LEVELS[level].table as unknown as MemberTable;
}

/** The row to insert for a new member of the level's parent. */
export function memberValues(level: MemberLevel, ctx: TenantCtx, userId: number, role: string) {
  const l = MEMBER_LEVELS[level];
  return { [l.parentKey]: l.parentId(ctx), userId, role } as never;
}

/** "tenant/acme/project/shop/environment/shop-dev", as far as the scope goes. */
export function scopePath(ctx: TenantCtx): string {
  const { tenant, project, environment } = ctx.scope;
  return [
    tenant && `tenant/${tenant.name}`,
    project && `project/${project.name}`,
    environment && `environment/${environment.name}`,
  ]
    .filter(Boolean)
    .join("/");
}
