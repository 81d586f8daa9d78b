// Safe to import from client components: what the usage API accepts and answers.
import { z } from "zod";
import { ClusterParams } from "@/lib/clusters/schemas";

/** A node name is a DNS subdomain. */
export const NodeParams = ClusterParams.extend({
  node: z
    .string()
    .min(1)
    .max(253)
    .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/),
});
export type NodeParams = z.infer<typeof NodeParams>;

/** CPU in millicores and memory in bytes; null where nothing is set or reported. */
export interface Compute {
  cpuMilli: number | null;
  memoryBytes: number | null;
}

export interface ContainerUsage {
  name: string;
  usage: Compute;
  requests: Compute;
  limits: Compute;
}

export interface PodUsage {
  name: string;
  phase: string;
  node: string | null;
  usage: Compute;
  requests: Compute;
  limits: Compute;
  containers: ContainerUsage[];
}

export interface EnvironmentUsage {
  cluster: string;
  namespace: string;
  /** False when the cluster serves no metrics.k8s.io (no metrics-server): usage is then null. */
  metricsAvailable: boolean;
  /** The newest sample time the metrics carry. */
  sampledAt: string | null;
  pods: PodUsage[];
  totals: { usage: Compute; requests: Compute; limits: Compute; pods: number };
  /** The environment's quota (the namespace's ResourceQuota hard limits). */
  quota: { cpuMilli: number; memoryBytes: number; pods: number };
}

export interface NodeCondition {
  type: string;
  status: string;
  reason: string | null;
  message: string | null;
}

export interface NodeTaint {
  key: string;
  value: string | null;
  effect: string;
}

export interface NodeView {
  name: string;
  ready: boolean;
  unschedulable: boolean;
  roles: string[];
  kubeletVersion: string | null;
  internalIP: string | null;
  capacity: Compute & { pods: number | null };
  allocatable: Compute & { pods: number | null };
  usage: Compute | null;
  requests: Compute;
  podCount: number;
  conditions: NodeCondition[];
  taints: NodeTaint[];
}

export interface ClusterNodes {
  cluster: string;
  metricsAvailable: boolean;
  nodes: NodeView[];
}
