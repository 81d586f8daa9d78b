import "server-only";
import type { CoreV1Event, V1Deployment, V1Pod, V1Service } from "@kubernetes/client-node";
import { onCluster } from "@/lib/clusters/upstream-error";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { ClusterClient } from "@/lib/clusters/client";
import { environmentTarget } from "./env-client";
import { POD_PHASES, type WorkloadsQuery } from "./schemas";
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

/** Pods counted per phase without listing them: a page of one per phase and the remaining count. */
const COUNT_SCAN_PAGES = 10;
const EVENTS_READ = 500;
async function countPhases(client: ClusterClient, namespace: string): Promise<Record<string, number>> {
  const counts = await Promise.all(
    POD_PHASES.map(async (phase) => {
      const fieldSelector = `status.phase=${phase}`;
      const first = await client.core.listNamespacedPod({ namespace, fieldSelector, limit: 1 });
      if (!first.metadata?._continue) return [phase, first.items.length] as const;
      if (first.metadata.remainingItemCount !== undefined)
        return [phase, first.items.length + first.metadata.remainingItemCount] as const;
      // Clusters leave remainingItemCount out when a selector is used: count in bounded pages.
      let n = 0;
      let token: string | undefined;
      for (let i = 0; i < COUNT_SCAN_PAGES; i++) {
        const page = await client.core.listNamespacedPod({ namespace, fieldSelector, limit: 500, _continue: token });
        n += page.items.length;
        token = page.metadata?._continue;
        if (!token) break;
      }
      return [phase, n] as const;
    }),
  );
  return Object.fromEntries(counts);
}

/** What runs in the environment's namespace now, read live from its cluster; pods a page at a
 *  time (2,000 pods used to come back in one 415 KB answer), with the count of each phase. */
export const listWorkloads = verb(
  "workloads.list",
  "workloads.read",
  async ({ ctx, input }: VerbArgs<WorkloadsQuery, EnvironmentCtx>) => {
    const { client, namespace, cluster } = await environmentTarget(ctx);
    return onCluster(cluster, async () => {
      const [deployments, pods, phases, services, events] = await Promise.all([
        client.apps.listNamespacedDeployment({ namespace }),
        client.core.listNamespacedPod({
          namespace,
          limit: input.podLimit,
          _continue: input.podCursor,
          fieldSelector: input.phase ? `status.phase=${input.phase}` : undefined,
        }),
        countPhases(client, namespace),
        client.core.listNamespacedService({ namespace }),
        // Bounded: a namespace of 2,000 pods holds thousands of events; the Events view pages them all.
        client.core.listNamespacedEvent({ namespace, limit: EVENTS_READ }),
      ]);
      const recent = [...events.items]
        .sort((a, b) => String(eventView(b).at).localeCompare(String(eventView(a).at)))
        .slice(0, 50);
      return {
        cluster,
        namespace,
        deployments: deployments.items.map(deploymentView),
        pods: pods.items.map(podView),
        podsNextCursor: pods.metadata?._continue || null,
        podPhases: phases,
        services: services.items.map(serviceView),
        events: recent.map(eventView),
      };
    });
  },
);
