import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import {
  applications,
  clusters,
  environments,
  projects,
  tenantQuotas,
  tenants,
  type ApplicationRow,
  type ClusterRow,
} from "@/lib/db/schema";
import { loadNamespacePolicy } from "../namespace-policy/load-namespace-policy";
import { podSecurityFor } from "../namespace-policy/pod-security-for";
import type { EnvironmentSpec } from "./render";

export interface EnvironmentBundle {
  id: number;
  cluster: ClusterRow;
  spec: EnvironmentSpec;
  applications: ApplicationRow[];
}

/** Everything the reconciler needs about one environment, in four queries. */
export async function loadEnvironmentBundle(environmentId: number): Promise<EnvironmentBundle | null> {
  const db = getDb();
  const [row] = await db
    .select({ env: environments, project: projects, tenant: tenants, cluster: clusters })
    .from(environments)
    .innerJoin(projects, eq(projects.id, environments.projectId))
    .innerJoin(tenants, eq(tenants.id, environments.tenantId))
    .innerJoin(clusters, eq(clusters.id, environments.clusterId))
    .where(eq(environments.id, environmentId));
  if (!row) return null;
  const [quota] = await db
    .select()
    .from(tenantQuotas)
    .where(and(eq(tenantQuotas.tenantId, row.tenant.id), eq(tenantQuotas.clusterId, row.cluster.id)));
  const apps = await db.select().from(applications).where(eq(applications.environmentId, environmentId));
  const policy = await loadNamespacePolicy(row.cluster.id, db);
  const { env } = row;
  return {
    id: env.id,
    cluster: row.cluster,
    applications: apps,
    spec: {
      tenant: row.tenant.name,
      project: row.project.name,
      environment: env.name,
      type: env.type,
      namespace: env.namespace,
      quota: { cpuMilli: env.cpuMilli, memoryBytes: env.memoryBytes, storageBytes: env.storageBytes, pods: env.pods },
      limits: {
        requestCpuMilli: env.defaultRequestCpuMilli,
        requestMemoryBytes: env.defaultRequestMemoryBytes,
        limitCpuMilli: env.defaultLimitCpuMilli,
        limitMemoryBytes: env.defaultLimitMemoryBytes,
      },
      networkIsolation: row.tenant.networkIsolation && row.project.networkIsolation && env.networkIsolation,
      tenantNetworkIsolation: row.tenant.networkIsolation,
      namespaceCreated: env.namespaceCreated,
      podSecurity: podSecurityFor(policy.podSecurity, env.type, row.tenant.name),
      tenantQuota: quota
        ? {
            cpuMilli: quota.cpuMilli,
            memoryBytes: quota.memoryBytes,
            storageBytes: quota.storageBytes,
            pods: quota.pods,
          }
        : null,
    },
  };
}
