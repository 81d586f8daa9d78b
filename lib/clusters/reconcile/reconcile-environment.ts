import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { environments } from "@/lib/db/schema";
import { logger } from "@/lib/observability/logger";
import { withSpan } from "@/lib/observability/tracer";
import { renderDeployment, renderService } from "@/lib/workloads/render";
import { facetPushUrl } from "../internal-url";
import { clusterClient, type ClusterClient } from "../client";
import { upstreamError } from "../upstream-error";
import { FACET_CRDS } from "./crds";
import { deleteIfPresent, ensureObject, type EnsureResult } from "./ensure-object";
import { LABEL } from "./labels";
import { assertNamespaceOwned } from "./namespace-ownership";
import { loadEnvironmentBundle, type EnvironmentBundle } from "./load-environment-spec";
import { resyncIntervalMs } from "./resync-interval";
import { environmentLabels, isolationPolicy, renderNamespaced, renderRecords } from "./render";

export interface SyncReport {
  status: "synced" | "error";
  changes: { kind: string; name: string; result: EnsureResult | "deleted" }[];
  error: string | null;
}

/** Makes the cluster hold what the environment declares; records the outcome on the environment. */
export async function reconcileEnvironment(environmentId: number): Promise<SyncReport | null> {
  const bundle = await loadEnvironmentBundle(environmentId);
  if (!bundle) return null;
  return withSpan(
    "reconcile environment",
    { "facet.namespace": bundle.spec.namespace, "facet.cluster": bundle.cluster.name },
    async () => {
      const changes: SyncReport["changes"] = [];
      let error: string | null = null;
      try {
        await apply(clusterClient(bundle.cluster), bundle, changes);
      } catch (e) {
        error = upstreamError(bundle.cluster.name, e).message;
        logger.warn(
          { namespace: bundle.spec.namespace, cluster: bundle.cluster.name, error },
          "environment sync failed",
        );
      }
      await getDb()
        .update(environments)
        .set({
          syncStatus: error ? "error" : "synced",
          syncError: error?.slice(0, 1024) ?? null,
          syncedAt: sql`CURRENT_TIMESTAMP(3)`,
          updatedAt: sql`${environments.updatedAt}`,
        })
        .where(eq(environments.id, environmentId));
      return { status: error ? "error" : "synced", changes, error };
    },
  );
}

/** When each cluster's CRDs were last ensured: they are cluster-wide, so one check per resync
 *  interval serves every environment on the cluster (a new client, after the cluster changed,
 *  checks again). */
const crdsEnsuredAt = new WeakMap<ClusterClient, number>();

async function apply(client: ClusterClient, bundle: EnvironmentBundle, changes: SyncReport["changes"]) {
  const note = async (o: Parameters<typeof ensureObject>[1]) => {
    const result = await ensureObject(client, o);
    if (result !== "unchanged") changes.push({ kind: o.kind!, name: o.metadata!.name!, result });
  };
  if (Date.now() - (crdsEnsuredAt.get(client) ?? 0) >= resyncIntervalMs()) {
    for (const crd of FACET_CRDS) await note(crd);
    crdsEnsuredAt.set(client, Date.now());
  }
  const { spec } = bundle;
  await assertNamespaceOwned(client, spec);
  for (const o of renderNamespaced(spec)) await note(o);
  if (!spec.networkIsolation && (await deleteIfPresent(client, isolationPolicy(spec))))
    changes.push({ kind: "NetworkPolicy", name: "facet-tenant-isolation", result: "deleted" });
  for (const o of renderRecords(spec)) await note(o);

  const labels = environmentLabels(spec);
  const wanted = new Set(bundle.applications.map((a) => a.name));
  const otelSite = { endpoint: facetPushUrl(bundle.cluster), environment: spec.environment };
  for (const app of bundle.applications) {
    await note(renderDeployment(app, spec.namespace, labels, otelSite));
    const service = renderService(app, spec.namespace, labels);
    if (service) await note(service);
    else if (
      await deleteIfPresent(client, {
        apiVersion: "v1",
        kind: "Service",
        metadata: { name: app.name, namespace: spec.namespace },
      })
    ) {
      changes.push({ kind: "Service", name: app.name, result: "deleted" });
    }
  }
  // Workloads of applications that no longer exist.
  const selector = `${LABEL.application},app.kubernetes.io/managed-by=facet`;
  const [deployments, services] = await Promise.all([
    client.apps.listNamespacedDeployment({ namespace: spec.namespace, labelSelector: selector }),
    client.core.listNamespacedService({ namespace: spec.namespace, labelSelector: selector }),
  ]);
  for (const d of deployments.items) {
    if (!wanted.has(d.metadata!.labels![LABEL.application])) {
      await client.apps.deleteNamespacedDeployment({ name: d.metadata!.name!, namespace: spec.namespace });
      changes.push({ kind: "Deployment", name: d.metadata!.name!, result: "deleted" });
    }
  }
  for (const s of services.items) {
    if (!wanted.has(s.metadata!.labels![LABEL.application])) {
      await client.core.deleteNamespacedService({ name: s.metadata!.name!, namespace: spec.namespace });
      changes.push({ kind: "Service", name: s.metadata!.name!, result: "deleted" });
    }
  }
}
