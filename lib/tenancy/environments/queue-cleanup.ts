import "server-only";
import { inArray } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { environments, namespaceCleanups } from "@/lib/db/schema";

/** Records, in the deleting transaction, which namespaces the cluster side must clean up. */
export async function queueNamespaceCleanups(tx: Executor, environmentIds: number[]): Promise<void> {
  if (!environmentIds.length) return;
  const rows = await tx
    .select({
      clusterId: environments.clusterId,
      namespace: environments.namespace,
      policy: environments.deletePolicy,
      created: environments.namespaceCreated,
    })
    .from(environments)
    .where(inArray(environments.id, environmentIds));
  // A namespace Facet did not create is only released, whatever the delete policy says.
  const jobs = rows.map(({ created, policy, ...job }) => ({ ...job, policy: created ? policy : ("release" as const) }));
  if (jobs.length) await tx.insert(namespaceCleanups).values(jobs);
}
