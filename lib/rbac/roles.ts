// Safe to import from client components.
export const TENANT_ROLES = ["admin", "member"] as const;
export const PROJECT_ROLES = ["admin", "dev", "test", "ops"] as const;
export const ENVIRONMENT_ROLES = ["reader", "operator"] as const;
export const ENVIRONMENT_TYPES = ["dev", "test", "prod"] as const;

export type TenantRole = (typeof TENANT_ROLES)[number];
export type ProjectRole = (typeof PROJECT_ROLES)[number];
export type EnvironmentRole = (typeof ENVIRONMENT_ROLES)[number];
export type EnvironmentType = (typeof ENVIRONMENT_TYPES)[number];

/** Which environment types each project role may change (ARCHITECTURE §4). */
export const WRITABLE_TYPES: Record<ProjectRole, readonly EnvironmentType[]> = {
  admin: ENVIRONMENT_TYPES,
  dev: ["dev"],
  test: ["test"],
  ops: ["dev", "test", "prod"],
};
