// Safe to import from client components: what GET /api/v1/overview answers.
import type { Compute } from "@/lib/usage/schemas";

export interface EnvironmentRef {
  tenant: string;
  project: string;
  environment: string;
}

export interface ClusterSummary {
  name: string;
  reachable: boolean;
  /** Why the cluster could not be read (unreachable, timed out, refused). */
  error: string | null;
  version: string | null;
  nodes: number | null;
  readyNodes: number | null;
  metricsAvailable: boolean;
  /** Allocatable capacity, the sum of pod requests, and usage now (null without metrics.k8s.io). */
  capacity: Compute | null;
  allocated: Compute | null;
  used: Compute | null;
}

/** A tenant's quota on one cluster: the environments' quotas it allocated against the hard limit. */
export interface QuotaUsage {
  cluster: string;
  hard: { cpuMilli: number; memoryBytes: number; pods: number };
  used: { cpuMilli: number; memoryBytes: number; pods: number };
}

export interface TenantUsage {
  tenant: string;
  quotas: QuotaUsage[];
  /** Highest used/hard ratio across its quotas, for ordering. */
  peak: number;
}

export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  tenant: string | null;
  target: string;
  result: string;
}

export interface ServiceHealth {
  service: string;
  env: EnvironmentRef;
  calls: number;
  errors: number;
  errorRate: number;
  p90Ms: number | null;
}

export interface EnvironmentUsageSummary {
  env: EnvironmentRef;
  cluster: string | null;
  error: string | null;
  quota: { cpuMilli: number; memoryBytes: number; pods: number } | null;
  requests: Compute | null;
  used: Compute | null;
  pods: number | null;
}

/** What every list was cut to, so the page can say "showing the first N". */
export interface Truncation {
  clusters?: boolean;
  tenants?: boolean;
  environments?: boolean;
}

export interface SystemOverview {
  kind: "system";
  windowMs: number;
  clusters: ClusterSummary[];
  tenants: TenantUsage[];
  audit: AuditEvent[];
  services: ServiceHealth[];
  truncated: Truncation;
}

export interface MyOverview {
  kind: "mine";
  windowMs: number;
  tenants: { tenant: string; role: string | null; quotas: QuotaUsage[] | null }[];
  environments: EnvironmentUsageSummary[];
  /** "tenant": audit rows of tenants the caller administers; "own": the caller's own actions. */
  auditSource: "tenant" | "own";
  audit: AuditEvent[];
  services: ServiceHealth[];
  truncated: Truncation;
}

export type Overview = SystemOverview | MyOverview;
