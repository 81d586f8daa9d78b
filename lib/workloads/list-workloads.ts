import "server-only";
import type { CoreV1Event, V1Deployment, V1Pod, V1Service } from "@kubernetes/client-node";
import { onCluster } from "@/lib/clusters/upstream-error";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { environmentTarget } from "./env-client";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

const iso = (d?: Date | string) => (d ? new Date(d).toISOString() : null);

function deploymentView(d: V1Deployment) {
  return {
    name: d.metadata!.name!,
    replicas: d.spec?.replicas ?? 0,
    ready: d.status?.readyReplicas ?? 0,
    updated: d.status?.updatedReplicas ?? 0,
    available: d.status?.availableReplicas ?? 0,
    images: d.spec?.template.spec?.containers.map((c) => c.image ?? "") ?? [],
    createdAt: iso(d.metadata?.creationTimestamp),
  };
}

function podView(p: V1Pod) {
  const statuses = p.status?.containerStatuses ?? [];
  return {
    name: p.metadata!.name!,
    phase: p.status?.phase ?? "Unknown",
    ready: `${statuses.filter((s) => s.ready).length}/${p.spec?.containers.length ?? statuses.length}`,
    restarts: statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0),
    node: p.spec?.nodeName ?? null,
    podIP: p.status?.podIP ?? null,
    containers: p.spec?.containers.map((c) => c.name) ?? [],
    app: p.metadata?.labels?.["app.kubernetes.io/name"] ?? null,
    createdAt: iso(p.metadata?.creationTimestamp),
  };
}

function serviceView(s: V1Service) {
  return {
    name: s.metadata!.name!,
    type: s.spec?.type ?? "ClusterIP",
    clusterIP: s.spec?.clusterIP ?? null,
    ports: (s.spec?.ports ?? []).map((p) => `${p.name ? `${p.name}:` : ""}${p.port}/${p.protocol ?? "TCP"}`),
  };
}

function eventView(e: CoreV1Event) {
  return {
    type: e.type ?? "Normal",
    reason: e.reason ?? "",
    object: `${e.involvedObject.kind}/${e.involvedObject.name}`,
    message: e.message ?? "",
    count: e.count ?? 1,
    at: iso(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp),
  };
}

export type Workloads = Awaited<ReturnType<typeof listWorkloads>>;

/** What runs in the environment's namespace now, read live from its cluster. */
export const listWorkloads = verb(
  "workloads.list",
  "workloads.read",
  async ({ ctx }: VerbArgs<void, EnvironmentCtx>) => {
    const { client, namespace, cluster } = await environmentTarget(ctx);
    return onCluster(cluster, async () => {
      const [deployments, pods, services, events] = await Promise.all([
        client.apps.listNamespacedDeployment({ namespace }),
        client.core.listNamespacedPod({ namespace }),
        client.core.listNamespacedService({ namespace }),
        client.core.listNamespacedEvent({ namespace }),
      ]);
      const recent = [...events.items]
        .sort((a, b) => String(eventView(b).at).localeCompare(String(eventView(a).at)))
        .slice(0, 50);
      return {
        cluster,
        namespace,
        deployments: deployments.items.map(deploymentView),
        pods: pods.items.map(podView),
        services: services.items.map(serviceView),
        events: recent.map(eventView),
      };
    });
  },
);
