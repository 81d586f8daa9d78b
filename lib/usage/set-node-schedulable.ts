import "server-only";
import { PatchStrategy } from "@kubernetes/client-node";
import { writeAudit } from "@/lib/audit/write-audit";
import { clusterClient } from "@/lib/clusters/client";
import { clusterOrThrow } from "@/lib/clusters/find-cluster";
import { onCluster } from "@/lib/clusters/upstream-error";
import type { AuthedContext } from "@/lib/core/context";
import { inTransaction } from "@/lib/db/transaction";
import type { NodeParams } from "./schemas";

/** Sets spec.unschedulable as `kubectl cordon` does. The audit row is written first in the
 *  transaction, so a refused patch leaves none and a failed audit leaves the node as it was. */
export async function setNodeSchedulable(
  ctx: AuthedContext,
  input: NodeParams,
  action: "clusters.nodes.cordon" | "clusters.nodes.uncordon",
): Promise<{ cluster: string; node: string; unschedulable: boolean }> {
  const unschedulable = action === "clusters.nodes.cordon";
  const cluster = await clusterOrThrow(input.cluster);
  const client = clusterClient(cluster);
  const before = await onCluster(cluster.name, () => client.core.readNode({ name: input.node }));
  await inTransaction(async (tx) => {
    await writeAudit(tx, ctx, {
      action,
      target: `cluster/${cluster.name}/node/${input.node}`,
      before: { unschedulable: before.spec?.unschedulable === true },
      after: { unschedulable },
    });
    await onCluster(cluster.name, () =>
      client.objects.patch(
        { apiVersion: "v1", kind: "Node", metadata: { name: input.node }, spec: { unschedulable } } as never,
        undefined,
        undefined,
        "facet",
        undefined,
        PatchStrategy.MergePatch,
      ),
    );
  });
  return { cluster: cluster.name, node: input.node, unschedulable };
}
