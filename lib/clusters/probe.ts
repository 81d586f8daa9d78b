import "server-only";
import type { ClusterRow } from "@/lib/db/schema";
import { clusterClient, type ClusterClient } from "./client";
import { onCluster } from "./upstream-error";

export interface ClusterStatus {
  reachable: boolean;
  serverVersion: string | null;
  nodeCount: number | null;
  namespaceCount: number | null;
  canManageNamespaces: boolean | null;
  error: string | null;
}

/** Asks the cluster who it is and whether Facet may manage namespaces there. */
export async function probeCluster(client: ClusterClient): Promise<ClusterStatus> {
  try {
    return await onCluster(client.name, async () => {
      const version = await client.version.getCode();
      const [nodes, namespaces, review] = await Promise.all([
        client.core.listNode(),
        client.core.listNamespace(),
        client.authorization.createSelfSubjectAccessReview({
          body: {
            apiVersion: "authorization.k8s.io/v1",
            kind: "SelfSubjectAccessReview",
            spec: { resourceAttributes: { verb: "create", resource: "namespaces" } },
          },
        }),
      ]);
      return {
        reachable: true,
        serverVersion: version.gitVersion,
        nodeCount: nodes.items.length,
        namespaceCount: namespaces.items.length,
        canManageNamespaces: review.status?.allowed ?? false,
        error: null,
      };
    });
  } catch (error) {
    return unreachable(error);
  }
}

/** Probes a stored cluster. One whose client cannot even be built (no credentials, or a
 *  kubeconfig that no longer opens) is unreachable with the reason, like one that is down. */
export async function probeStoredCluster(row: ClusterRow): Promise<ClusterStatus> {
  let client: ClusterClient;
  try {
    client = clusterClient(row);
  } catch (error) {
    return unreachable(error);
  }
  return probeCluster(client);
}

export const unreachable = (error: unknown): ClusterStatus => ({
  reachable: false,
  serverVersion: null,
  nodeCount: null,
  namespaceCount: null,
  canManageNamespaces: null,
  error: (error as Error).message,
});
