import type { EnvironmentRole, EnvironmentType, ProjectRole, TenantRole } from "./roles";

/** What a request is about, and the actor's roles there. Filled by the scope resolvers. */
export interface Scope {
  tenant?: { id: number; name: string };
  project?: { id: number; name: string };
  environment?: { id: number; name: string; type: EnvironmentType };
  tenantRole?: TenantRole | null;
  projectRole?: ProjectRole | null;
  environmentRole?: EnvironmentRole | null;
}
