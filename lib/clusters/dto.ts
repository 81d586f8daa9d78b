import type { ClusterRow } from "@/lib/db/schema";

/** What anyone may see of a cluster: never its credentials. */
export function clusterDto(row: ClusterRow) {
  return {
    name: row.name,
    description: row.description,
    kind: row.kind,
    server: row.kind === "sandbox" ? "(built in)" : row.server,
    allowPrivateAddresses: row.egressPrivateAllowed,
    status: {
      reachable: row.reachable,
      version: row.serverVersion,
      nodes: row.nodeCount,
      namespaces: row.namespaceCount,
      error: row.lastError,
      checkedAt: row.checkedAt?.toISOString() ?? null,
    },
    createdAt: row.createdAt.toISOString(),
  };
}
export type ClusterDto = ReturnType<typeof clusterDto>;
