import "server-only";
import { inArray } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { environments, namespaceCleanups } from "@/lib/db/schema";

/** Records, in the deleting transaction, which namespaces the cluster side must clean up. */
export async function queueNamespaceCleanups(tx: Executor, environmentIds: number[]): Promise<void> {
  if (!environmentIds.length) return;
  const rows = await tx
    .select({ clusterId: environments.clusterId, namespace: environments.namespace, policy: environments.deletePolicy })
    .from(environments)
    .where(inArray(environments.id, environmentIds));
  if (rows.length) await tx.insert(namespaceCleanups).values(rows);
}
