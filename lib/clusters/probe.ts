import "server-only";
import type { ClusterClient } from "./client";
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
        client.authorization.createSelfSubjectAccessReview({ body: { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: { verb: "create", resource: "namespaces" } } } }),
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
    return { reachable: false, serverVersion: null, nodeCount: null, namespaceCount: null, canManageNamespaces: null, error: (error as Error).message };
  }
}
