import "server-only";
import { ApiException } from "@kubernetes/client-node";
import type { ClusterClient } from "@/lib/clusters/client";

// metrics.k8s.io read through the custom objects API, so the client's timeout and egress
// rules apply as to every other call. A cluster without metrics-server answers 404 (or 503
// while its APIService is unavailable): that is "no metrics", not a failure of the page.

const GROUP = "metrics.k8s.io";
const VERSION = "v1beta1";

type Usage = Record<string, string>;
export interface PodMetricsItem {
  metadata: { name: string; namespace?: string };
  timestamp?: string;
  containers: { name: string; usage: Usage }[];
}
export interface NodeMetricsItem {
  metadata: { name: string };
  timestamp?: string;
  usage: Usage;
}

async function orAbsent<T>(read: () => Promise<{ items?: T[] }>): Promise<T[] | null> {
  try {
    return (await read()).items ?? [];
  } catch (error) {
    if (error instanceof ApiException && [404, 503].includes(error.code)) return null;
    throw error;
  }
}

/** The pods' metrics of one namespace, or null when the cluster serves none. */
export function listPodMetrics(client: ClusterClient, namespace: string): Promise<PodMetricsItem[] | null> {
  return orAbsent(
    () =>
      client.custom.listNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace,
        plural: "pods",
      }) as Promise<{
        items?: PodMetricsItem[];
      }>,
  );
}

/** Every node's metrics, or null when the cluster serves none. */
export function listNodeMetrics(client: ClusterClient): Promise<NodeMetricsItem[] | null> {
  return orAbsent(
    () =>
      client.custom.listClusterCustomObject({ group: GROUP, version: VERSION, plural: "nodes" }) as Promise<{
        items?: NodeMetricsItem[];
      }>,
  );
}
