import "server-only";
import { ApiException, PatchStrategy } from "@kubernetes/client-node";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { clusters, namespaceCleanups } from "@/lib/db/schema";
import { logger } from "@/lib/observability/logger";
import { clusterClient } from "../client";
import { upstreamError } from "../upstream-error";
import { deleteIfPresent } from "./ensure-object";
import { PSA_LABEL_KEYS } from "@/lib/pod-security/levels";
import { FACET_GROUP, FACET_VERSION, LABEL, MANAGED_BY } from "./labels";

const gone = (e: unknown) => e instanceof ApiException && e.code === 404;

/** How long a cleanup is repeated after its environment was deleted. A resync that read the
 *  environment just before the delete may still write its namespace, labels or record after
 *  the first cleanup ran (in this process or another one sharing the database); repeating
 *  the idempotent cleanup until then undoes that. */
export function cleanupGraceMs(): number {
  return Number(process.env.FACET_CLEANUP_GRACE_SECONDS ?? 60) * 1000;
}

/** What Facet put into an adopted namespace: its quota, limits, isolation and application
 *  workloads (found by Facet's labels). Everything else in the namespace stays. */
async function removeFacetObjects(client: ReturnType<typeof clusterClient>, namespace: string): Promise<void> {
  for (const [apiVersion, kind, name] of [
    ["v1", "ResourceQuota", "facet-quota"],
    ["v1", "LimitRange", "facet-limits"],
    ["networking.k8s.io/v1", "NetworkPolicy", "facet-tenant-isolation"],
  ]) {
    await deleteIfPresent(client, { apiVersion, kind, metadata: { name, namespace } });
  }
  const labelSelector = `${LABEL.application},app.kubernetes.io/managed-by=facet`;
  const [deployments, services] = await Promise.all([
    client.apps.listNamespacedDeployment({ namespace, labelSelector }),
    client.core.listNamespacedService({ namespace, labelSelector }),
  ]);
  for (const d of deployments.items)
    await deleteIfPresent(client, {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: d.metadata!.name!, namespace },
    });
  for (const s of services.items)
    await deleteIfPresent(client, {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: s.metadata!.name!, namespace },
    });
}

/** Carries out the cluster side of deleted environments: delete the namespace, or only
 *  remove Facet's labels from it (and, from an adopted one, Facet's objects). Failed attempts stay queued for the next round; done ones
 *  are repeated each round until the grace period has passed. */
export async function runNamespaceCleanups(now = Date.now()): Promise<number> {
  const db = getDb();
  const rows = await db
    .select({ job: namespaceCleanups, cluster: clusters })
    .from(namespaceCleanups)
    .innerJoin(clusters, eq(clusters.id, namespaceCleanups.clusterId));
  let done = 0;
  for (const { job, cluster } of rows) {
    try {
      const client = clusterClient(cluster);
      // Deleted only while it still carries Facet's label: one Facet never labelled is not its own.
      const live =
        job.policy === "delete-namespace"
          ? await client.core.readNamespace({ name: job.namespace }).catch((e) => (gone(e) ? null : Promise.reject(e)))
          : null;
      if (live && live.metadata?.labels?.[Object.keys(MANAGED_BY)[0]] === "facet") {
        await client.core
          .deleteNamespace({ name: job.namespace })
          .catch((e) => (gone(e) ? undefined : Promise.reject(e)));
      } else if (live || job.policy !== "delete-namespace") {
        if (job.policy === "release") await removeFacetObjects(client, job.namespace);
        const strip = Object.fromEntries(
          [...Object.keys(MANAGED_BY), LABEL.tenant, LABEL.project, LABEL.environment, ...PSA_LABEL_KEYS].map((k) => [
            k,
            null,
          ]),
        );
        await client.objects
          .patch(
            { apiVersion: "v1", kind: "Namespace", metadata: { name: job.namespace, labels: strip as never } },
            undefined,
            undefined,
            "facet",
            undefined,
            PatchStrategy.MergePatch,
          )
          .catch((e) => (gone(e) ? undefined : Promise.reject(e)));
      }
      await deleteIfPresent(client, {
        apiVersion: `${FACET_GROUP}/${FACET_VERSION}`,
        kind: "Environment",
        metadata: { name: job.namespace },
      });
      if (now - job.createdAt.getTime() >= cleanupGraceMs())
        await db.delete(namespaceCleanups).where(eq(namespaceCleanups.id, job.id));
      done += 1;
    } catch (error) {
      const message = upstreamError(cluster.name, error).message;
      logger.warn(
        { namespace: job.namespace, cluster: cluster.name, error: message },
        "namespace cleanup failed; will retry",
      );
      await db
        .update(namespaceCleanups)
        .set({ attempts: sql`${namespaceCleanups.attempts} + 1`, lastError: message.slice(0, 1024) })
        .where(eq(namespaceCleanups.id, job.id));
    }
  }
  return done;
}
