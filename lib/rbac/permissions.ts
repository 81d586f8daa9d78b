// The closed list of permissions, `resource.action`. Reads end in `.read` or `.list`.
export const PERMISSIONS = [
  "me.read",
  "users.read",
  "users.create",
  "users.update",
  "users.delete",
  "tenants.list",
  "tenants.create",
  "tenants.read",
  "tenants.update",
  "tenants.delete",
  "tenants.members.read",
  "tenants.members.update",
  "tenants.quotas.read",
  "tenants.quotas.update",
  "audit.read",
  "projects.list",
  "projects.create",
  "projects.read",
  "projects.update",
  "projects.delete",
  "projects.members.read",
  "projects.members.update",
  "environments.list",
  "environments.create",
  "environments.read",
  "environments.update",
  "environments.delete",
  "environments.members.read",
  "environments.members.update",
  "applications.read",
  "applications.create",
  "applications.update",
  "applications.delete",
  "configs.read",
  "configs.write",
  "configs.keys.read",
  "configs.keys.update",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isWrite(permission: Permission): boolean {
  return !/\.(read|list)$/.test(permission);
}
