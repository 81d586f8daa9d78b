import "server-only";
import type { V1Node, V1Pod } from "@kubernetes/client-node";
import { clusterClient } from "@/lib/clusters/client";
import { clusterOrThrow } from "@/lib/clusters/find-cluster";
import { onCluster } from "@/lib/clusters/upstream-error";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { computeOf, sumCompute } from "./compute";
import { listNodeMetrics, type NodeMetricsItem } from "./read-metrics";
import type { ClusterNodes, NodeView } from "./schemas";

const ROLE_LABEL = "node-role.kubernetes.io/";

function capacityOf(list: Record<string, string> | undefined) {
  const pods = list?.pods;
  return { ...computeOf(list), pods: pods === undefined ? null : Number(pods) };
}

function nodeView(node: V1Node, pods: V1Pod[], metrics: NodeMetricsItem | undefined): NodeView {
  const name = node.metadata!.name!;
  const conditions = node.status?.conditions ?? [];
  const scheduled = pods.filter(
    (p) => p.spec?.nodeName === name && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed",
  );
  return {
    name,
    ready: conditions.some((c) => c.type === "Ready" && c.status === "True"),
    unschedulable: node.spec?.unschedulable === true,
    roles: Object.keys(node.metadata?.labels ?? {})
      .filter((k) => k.startsWith(ROLE_LABEL))
      .map((k) => k.slice(ROLE_LABEL.length))
      .sort(),
    kubeletVersion: node.status?.nodeInfo?.kubeletVersion ?? null,
    internalIP: node.status?.addresses?.find((a) => a.type === "InternalIP")?.address ?? null,
    capacity: capacityOf(node.status?.capacity),
    allocatable: capacityOf(node.status?.allocatable),
    usage: metrics ? computeOf(metrics.usage) : null,
    requests: sumCompute(
      scheduled.flatMap((p) => (p.spec?.containers ?? []).map((c) => computeOf(c.resources?.requests))),
    ),
    podCount: scheduled.length,
    conditions: conditions.map((c) => ({
      type: c.type,
      status: c.status,
      reason: c.reason ?? null,
      message: c.message ?? null,
    })),
    taints: (node.spec?.taints ?? []).map((t) => ({ key: t.key, value: t.value ?? null, effect: t.effect })),
  };
}

/** A cluster's nodes: capacity, what is scheduled on them and what they use now. Sysadmins only. */
export const listNodes = verb(
  "usage.nodes.list",
  "clusters.nodes.read",
  async ({ input }: VerbArgs<{ cluster: string }>): Promise<ClusterNodes> => {
    const cluster = await clusterOrThrow(input.cluster);
    const client = clusterClient(cluster);
    const [nodes, pods, metrics] = await onCluster(cluster.name, () =>
      Promise.all([client.core.listNode(), client.core.listPodForAllNamespaces(), listNodeMetrics(client)]),
    );
    const byName = new Map((metrics ?? []).map((m) => [m.metadata.name, m]));
    return {
      cluster: cluster.name,
      metricsAvailable: metrics !== null,
      nodes: nodes.items
        .map((n) => nodeView(n, pods.items, byName.get(n.metadata!.name!)))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  },
);
