import "server-only";
import type { V1Container, V1Pod } from "@kubernetes/client-node";
import { environmentCluster } from "@/lib/clusters/environment-cluster";
import { onCluster } from "@/lib/clusters/upstream-error";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { computeOf, NO_COMPUTE, sumCompute } from "./compute";
import { environmentQuotaOrThrow } from "./environment-quota";
import { listPodMetrics, type PodMetricsItem } from "./read-metrics";
import type { ContainerUsage, EnvironmentUsage, PodUsage } from "./schemas";

function containerView(c: V1Container, metrics: PodMetricsItem | undefined): ContainerUsage {
  const sample = metrics?.containers.find((m) => m.name === c.name);
  return {
    name: c.name,
    usage: sample ? computeOf(sample.usage) : NO_COMPUTE,
    requests: computeOf(c.resources?.requests),
    limits: computeOf(c.resources?.limits),
  };
}

function podView(pod: V1Pod, metrics: PodMetricsItem | undefined): PodUsage {
  const containers = (pod.spec?.containers ?? []).map((c) => containerView(c, metrics));
  return {
    name: pod.metadata!.name!,
    phase: pod.status?.phase ?? "Unknown",
    node: pod.spec?.nodeName ?? null,
    usage: metrics ? sumCompute(containers.map((c) => c.usage)) : NO_COMPUTE,
    requests: sumCompute(containers.map((c) => c.requests)),
    limits: sumCompute(containers.map((c) => c.limits)),
    containers,
  };
}

/** Terminated pods neither run nor count against the quota. */
const active = (p: V1Pod) => p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed";

/** CPU and memory of the environment's pods now (metrics.k8s.io), beside their requests and the quota. */
export const getEnvironmentUsage = verb(
  "usage.environment.get",
  "usage.read",
  async ({ ctx }: VerbArgs<void, EnvironmentCtx>): Promise<EnvironmentUsage> => {
    const quota = await environmentQuotaOrThrow(ctx);
    const { client, cluster, namespace } = await environmentCluster(ctx);
    const [pods, metrics] = await onCluster(cluster.name, () =>
      Promise.all([client.core.listNamespacedPod({ namespace }), listPodMetrics(client, namespace)]),
    );
    const byName = new Map((metrics ?? []).map((m) => [m.metadata.name, m]));
    const views = pods.items.filter(active).map((p) => podView(p, byName.get(p.metadata!.name!)));
    const stamps = (metrics ?? [])
      .map((m) => m.timestamp ?? "")
      .filter(Boolean)
      .sort();
    return {
      cluster: cluster.name,
      namespace,
      metricsAvailable: metrics !== null,
      sampledAt: stamps.at(-1) ?? null,
      pods: views.sort((a, b) => a.name.localeCompare(b.name)),
      totals: {
        usage: metrics ? sumCompute(views.map((p) => p.usage)) : NO_COMPUTE,
        requests: sumCompute(views.map((p) => p.requests)),
        limits: sumCompute(views.map((p) => p.limits)),
        pods: views.length,
      },
      quota: { cpuMilli: quota.cpuMilli, memoryBytes: quota.memoryBytes, pods: quota.pods },
    };
  },
);
