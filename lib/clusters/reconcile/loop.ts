import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { dropProcessSingleton, peekProcessSingleton, processSingleton } from "@/lib/cache";
import { getDb } from "@/lib/db/client";
import { clusters, environments } from "@/lib/db/schema";
import { onChange, type ChangeEvent } from "@/lib/events";
import { logger } from "@/lib/observability/logger";
import { probeStoredCluster } from "../probe";
import { recordStatus } from "../record-status";
import { runNamespaceCleanups } from "./cleanup-namespaces";
import { reconcileEnvironment } from "./reconcile-environment";
import { resyncIntervalMs } from "./resync-interval";

interface Reconciler {
  stop: () => void;
}
const RECONCILER = "clusters.reconciler";
const inFlight = new Map<number, Promise<unknown>>();
const again = new Set<number>();

/** Reconciles one environment; a request while one runs queues exactly one more run. */
export function requestReconcile(environmentId: number): Promise<unknown> {
  const running = inFlight.get(environmentId);
  if (running) {
    again.add(environmentId);
    return running;
  }
  const run = reconcileEnvironment(environmentId)
    .catch((error) => logger.error({ err: error, environmentId }, "reconcile crashed"))
    .finally(() => {
      inFlight.delete(environmentId);
      if (again.delete(environmentId)) void requestReconcile(environmentId);
    });
  inFlight.set(environmentId, run);
  return run;
}

/** Every resync: each cluster's status, then its environments, then pending cleanups.
 *  Clusters go in parallel, so a slow or hung one delays only its own environments; those of
 *  an unreachable cluster are marked with the reason instead of each waiting out a timeout. */
export async function reconcileAll(): Promise<void> {
  const db = getDb();
  const envs = await db.select({ id: environments.id, clusterId: environments.clusterId }).from(environments);
  await Promise.all(
    (await db.select().from(clusters)).map(async (cluster) => {
      const status = await probeStoredCluster(cluster);
      await recordStatus(db, cluster.id, status).catch((error) =>
        logger.warn({ err: error, cluster: cluster.name }, "cluster status not recorded"),
      );
      const ids = envs.filter((e) => e.clusterId === cluster.id).map((e) => e.id);
      if (!status.reachable) return markUnsynced(ids, status.error ?? `Cluster '${cluster.name}' is not reachable.`);
      for (const id of ids) await requestReconcile(id);
    }),
  );
  await runNamespaceCleanups();
}

async function markUnsynced(ids: number[], error: string): Promise<void> {
  if (!ids.length) return;
  await getDb()
    .update(environments)
    .set({
      syncStatus: "error",
      syncError: error.slice(0, 1024),
      syncedAt: sql`CURRENT_TIMESTAMP(3)`,
      updatedAt: sql`${environments.updatedAt}`,
    })
    .where(inArray(environments.id, ids));
}

async function onEvent(event: ChangeEvent) {
  if (event.type === "environment") await requestReconcile(event.id);
  else if (event.type === "cleanup") await runNamespaceCleanups();
  else {
    const column = event.type === "cluster" ? environments.clusterId : environments.tenantId;
    const rows = await getDb().select({ id: environments.id }).from(environments).where(eq(column, event.id));
    for (const { id } of rows) await requestReconcile(id);
  }
}

/** Starts the resync loop and listens for changes; idempotent. */
export function startReconciler(): void {
  if (peekProcessSingleton<Reconciler>(RECONCILER)) return;
  const unsubscribe = onChange(
    (event) => void onEvent(event).catch((error) => logger.error({ err: error }, "reconcile after change failed")),
  );
  // A pass that outlasts the interval is not joined by another: they would only queue up.
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    void reconcileAll()
      .catch((error) => logger.error({ err: error }, "resync failed"))
      .finally(() => (running = false));
  };
  const timer = setInterval(tick, resyncIntervalMs());
  timer.unref();
  setTimeout(tick, 2_000).unref();
  processSingleton<Reconciler>(RECONCILER, () => ({ stop: () => (clearInterval(timer), unsubscribe()) }));
}

/** Stops the resync loop (leadership lost, tests); startReconciler() starts it again. */
export function stopReconciler(): void {
  peekProcessSingleton<Reconciler>(RECONCILER)?.stop();
  dropProcessSingleton(RECONCILER);
}
