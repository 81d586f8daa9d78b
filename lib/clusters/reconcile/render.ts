import type { KubernetesObject } from "@kubernetes/client-node";
import { podSecurityLabels, type PodSecurityModes } from "@/lib/pod-security/levels";
import { formatBytes, formatCpu, type QuotaAmounts } from "@/lib/tenancy/quantity";
import { FACET_GROUP, FACET_VERSION, LABEL, MANAGED_BY } from "./labels";

export interface EnvironmentSpec {
  tenant: string;
  project: string;
  environment: string;
  type: "dev" | "test" | "prod";
  namespace: string;
  quota: QuotaAmounts;
  limits: { requestCpuMilli: number; requestMemoryBytes: number; limitCpuMilli: number; limitMemoryBytes: number };
  /** Isolation holds unless it is switched off on the tenant, the project or the environment. */
  networkIsolation: boolean;
  /** The tenant's own switch, for the tenant-wide TenantNetworkPolicy record (environments of one
   *  tenant may differ, and each writes this record: it must not flip with them). */
  tenantNetworkIsolation: boolean;
  /** The tenant's hard limits on this cluster, for the TenantResourceQuota record. */
  tenantQuota: QuotaAmounts | null;
  /** Pod Security Admission levels the namespace carries (the cluster's policy for this type and tenant). */
  podSecurity: PodSecurityModes;
  /** Facet creates the namespace (false: adopted with a sysadmin's leave). */
  namespaceCreated: boolean;
}

const api = `${FACET_GROUP}/${FACET_VERSION}`;
const quotaHard = (q: QuotaAmounts) => ({
  "requests.cpu": formatCpu(q.cpuMilli),
  "limits.cpu": formatCpu(q.cpuMilli),
  "requests.memory": formatBytes(q.memoryBytes),
  "limits.memory": formatBytes(q.memoryBytes),
  "requests.storage": formatBytes(q.storageBytes),
  pods: String(q.pods),
});

export function environmentLabels(s: EnvironmentSpec): Record<string, string> {
  return { ...MANAGED_BY, [LABEL.tenant]: s.tenant, [LABEL.project]: s.project, [LABEL.environment]: s.environment };
}

/** The Namespace and what lives in it because of the environment. */
export function renderNamespaced(s: EnvironmentSpec): KubernetesObject[] {
  const labels = environmentLabels(s);
  const meta = (name: string) => ({ name, namespace: s.namespace, labels });
  const objects: KubernetesObject[] = [
    {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: s.namespace, labels: { ...labels, ...podSecurityLabels(s.podSecurity) } },
    },
    {
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: meta("facet-quota"),
      spec: { hard: quotaHard(s.quota) },
    } as KubernetesObject,
    {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: meta("facet-limits"),
      spec: {
        limits: [
          {
            type: "Container",
            defaultRequest: {
              cpu: formatCpu(s.limits.requestCpuMilli),
              memory: formatBytes(s.limits.requestMemoryBytes),
            },
            // client-node's model names the "default" field `_default` (a reserved word in its generator).
            _default: { cpu: formatCpu(s.limits.limitCpuMilli), memory: formatBytes(s.limits.limitMemoryBytes) },
          },
        ],
      },
    } as KubernetesObject,
  ];
  if (s.networkIsolation) objects.push(isolationPolicy(s));
  return objects.map(stripUndefined);
}

/** Ingress only from namespaces of the same tenant (and from inside the namespace itself). */
export function isolationPolicy(s: EnvironmentSpec): KubernetesObject {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name: "facet-tenant-isolation", namespace: s.namespace, labels: environmentLabels(s) },
    spec: {
      podSelector: {},
      policyTypes: ["Ingress"],
      // `_from`: client-node's model name for the "from" field.
      ingress: [{ _from: [{ namespaceSelector: { matchLabels: { [LABEL.tenant]: s.tenant } } }] }],
    },
  } as KubernetesObject;
}

/** The declared-state records of the environment and its tenant. */
export function renderRecords(s: EnvironmentSpec): KubernetesObject[] {
  const labels = { ...MANAGED_BY, [LABEL.tenant]: s.tenant };
  const records: KubernetesObject[] = [
    {
      apiVersion: api,
      kind: "Tenant",
      metadata: { name: s.tenant, labels },
      spec: { tenant: s.tenant },
    } as KubernetesObject,
    {
      apiVersion: api,
      kind: "TenantNetworkPolicy",
      metadata: { name: s.tenant, labels },
      spec: { isolated: s.tenantNetworkIsolation },
    } as KubernetesObject,
    {
      apiVersion: api,
      kind: "Environment",
      metadata: { name: s.namespace, labels: environmentLabels(s) },
      spec: {
        tenant: s.tenant,
        project: s.project,
        environment: s.environment,
        type: s.type,
        namespace: s.namespace,
        quota: quotaHard(s.quota),
      },
    } as KubernetesObject,
  ];
  if (s.tenantQuota)
    records.push({
      apiVersion: api,
      kind: "TenantResourceQuota",
      metadata: { name: s.tenant, labels },
      spec: { hard: quotaHard(s.tenantQuota) },
    } as KubernetesObject);
  return records;
}

function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
