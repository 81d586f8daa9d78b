import type { ApplicationRow, EnvironmentRow, ProjectRow, TenantRow } from "@/lib/db/schema";
import type { TenantRole } from "@/lib/rbac";
import { formatBytes, formatCpu, formatQuota, type QuotaAmounts } from "./quantity";

const iso = (d: Date) => d.toISOString();

export function tenantDto(row: TenantRow, myRole: TenantRole | null = null) {
  return {
    name: row.name,
    description: row.description,
    networkIsolation: row.networkIsolation,
    myRole,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
export type TenantDto = ReturnType<typeof tenantDto>;

export function projectDto(row: ProjectRow, tenant: string) {
  return {
    name: row.name,
    tenant,
    description: row.description,
    networkIsolation: row.networkIsolation,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
export type ProjectDto = ReturnType<typeof projectDto>;

export function environmentDto(row: EnvironmentRow, names: { tenant: string; project: string; cluster: string }) {
  return {
    name: row.name,
    tenant: names.tenant,
    project: names.project,
    type: row.type,
    cluster: names.cluster,
    namespace: row.namespace,
    /** False when the environment adopted an existing namespace: deleting it never deletes that. */
    namespaceCreated: row.namespaceCreated,
    description: row.description,
    quota: formatQuota(row as QuotaAmounts),
    limits: {
      defaultRequest: {
        cpu: formatCpu(row.defaultRequestCpuMilli),
        memory: formatBytes(row.defaultRequestMemoryBytes),
      },
      default: { cpu: formatCpu(row.defaultLimitCpuMilli), memory: formatBytes(row.defaultLimitMemoryBytes) },
    },
    deletePolicy: row.deletePolicy,
    networkIsolation: row.networkIsolation,
    sync: { status: row.syncStatus, error: row.syncError, at: row.syncedAt ? iso(row.syncedAt) : null },
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
export type EnvironmentDto = ReturnType<typeof environmentDto>;

export function applicationDto(row: ApplicationRow, names: { tenant: string; project: string; environment: string }) {
  return {
    name: row.name,
    ...names,
    image: row.image,
    replicas: row.replicas,
    ports: row.ports,
    env: row.env,
    resources: row.resources,
    telemetry: row.telemetry ?? null,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
export type ApplicationDto = ReturnType<typeof applicationDto>;
