import "server-only";
import { ApiException } from "@kubernetes/client-node";
import { getDb, type Executor } from "@/lib/db/client";
import type { ClusterRow } from "@/lib/db/schema";
import { NAMESPACES } from "@/lib/sandbox/builtin-resources";
import { readObject } from "@/lib/sandbox/store/read";
import { clusterClient } from "../client";
import { onCluster } from "../upstream-error";

/** The namespace as the cluster has it now (null: absent). The sandbox is read in-process: it
 *  is this process's own store. An unreachable cluster is an upstream error: never a guess.
 *  A registry row without credentials is never contacted, so nothing on it can be taken over
 *  (the reconciler repeats the check before it touches a namespace). */
export async function readLiveNamespace(
  cluster: ClusterRow,
  name: string,
  db: Executor = getDb(),
): Promise<{ labels: Record<string, string> } | null> {
  if (!cluster.kubeconfig) return null;
  if (cluster.kind === "sandbox") {
    const ns = await readObject(db, NAMESPACES, "", name);
    return ns ? { labels: (ns.metadata.labels as Record<string, string>) ?? {} } : null;
  }
  return onCluster(cluster.name, async () => {
    try {
      const ns = await clusterClient(cluster).core.readNamespace({ name });
      return { labels: ns.metadata?.labels ?? {} };
    } catch (error) {
      if (error instanceof ApiException && error.code === 404) return null;
      throw error;
    }
  });
}
