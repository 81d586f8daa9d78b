import "server-only";
import { ApiException, PatchStrategy } from "@kubernetes/client-node";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { clusters, namespaceCleanups } from "@/lib/db/schema";
import { logger } from "@/lib/observability/logger";
import { clusterClient } from "../client";
import { upstreamError } from "../upstream-error";
import { deleteIfPresent } from "./ensure-object";
import { FACET_GROUP, FACET_VERSION, LABEL, MANAGED_BY } from "./labels";

const gone = (e: unknown) => e instanceof ApiException && e.code === 404;

/** Carries out the cluster side of deleted environments: delete the namespace, or only
 *  remove Facet's labels from it. Failed attempts stay queued for the next round. */
export async function runNamespaceCleanups(): Promise<number> {
  const db = getDb();
  const rows = await db.select({ job: namespaceCleanups, cluster: clusters }).from(namespaceCleanups).innerJoin(clusters, eq(clusters.id, namespaceCleanups.clusterId));
  let done = 0;
  for (const { job, cluster } of rows) {
    try {
      const client = clusterClient(cluster);
      if (job.policy === "delete-namespace") {
        await client.core.deleteNamespace({ name: job.namespace }).catch((e) => (gone(e) ? undefined : Promise.reject(e)));
      } else {
        const strip = Object.fromEntries([...Object.keys(MANAGED_BY), LABEL.tenant, LABEL.project, LABEL.environment].map((k) => [k, null]));
        await client.objects
          .patch({ apiVersion: "v1", kind: "Namespace", metadata: { name: job.namespace, labels: strip as never } }, undefined, undefined, "facet", undefined, PatchStrategy.MergePatch)
          .catch((e) => (gone(e) ? undefined : Promise.reject(e)));
      }
      await deleteIfPresent(client, { apiVersion: `${FACET_GROUP}/${FACET_VERSION}`, kind: "Environment", metadata: { name: job.namespace } });
      await db.delete(namespaceCleanups).where(eq(namespaceCleanups.id, job.id));
      done += 1;
    } catch (error) {
      const message = upstreamError(cluster.name, error).message;
      logger.warn({ namespace: job.namespace, cluster: cluster.name, error: message }, "namespace cleanup failed; will retry");
      await db
        .update(namespaceCleanups)
        .set({ attempts: sql`${namespaceCleanups.attempts} + 1`, lastError: message.slice(0, 1024) })
        .where(eq(namespaceCleanups.id, job.id));
    }
  }
  return done;
}
