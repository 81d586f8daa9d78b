import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { clusters, environments } from "@/lib/db/schema";
import { onChange, type ChangeEvent } from "@/lib/events";
import { logger } from "@/lib/observability/logger";
import { probeStoredCluster } from "../probe";
import { recordStatus } from "../record-status";
import { runNamespaceCleanups } from "./cleanup-namespaces";
import { reconcileEnvironment } from "./reconcile-environment";

const holder = globalThis as unknown as { facetReconciler?: { timer: NodeJS.Timeout; stop: () => void } };
const inFlight = new Map<number, Promise<unknown>>();
const again = new Set<number>();

export function resyncIntervalMs(): number {
  return Number(process.env.FACET_RESYNC_SECONDS ?? 30) * 1000;
}

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

/** Every resync: each cluster's status, then each environment, then pending cleanups. One
 *  broken cluster is recorded as such and does not stop the others. */
export async function reconcileAll(): Promise<void> {
  const db = getDb();
  for (const cluster of await db.select().from(clusters)) {
    await recordStatus(db, cluster.id, await probeStoredCluster(cluster)).catch((error) => logger.warn({ err: error, cluster: cluster.name }, "cluster status not recorded"));
  }
  const rows = await db.select({ id: environments.id }).from(environments);
  for (const { id } of rows) await requestReconcile(id);
  await runNamespaceCleanups();
}

async function onEvent(event: ChangeEvent) {
  if (event.type === "environment") await requestReconcile(event.id);
  else if (event.type === "cleanup") await runNamespaceCleanups();
  else {
    const rows = await getDb().select({ id: environments.id }).from(environments).where(eq(environments.tenantId, event.id));
    for (const { id } of rows) await requestReconcile(id);
  }
}

/** Starts the resync loop and listens for changes; idempotent. */
export function startReconciler(): void {
  if (holder.facetReconciler) return;
  const unsubscribe = onChange((event) => void onEvent(event).catch((error) => logger.error({ err: error }, "reconcile after change failed")));
  const tick = () => void reconcileAll().catch((error) => logger.error({ err: error }, "resync failed"));
  const timer = setInterval(tick, resyncIntervalMs());
  timer.unref();
  setTimeout(tick, 2_000).unref();
  holder.facetReconciler = { timer, stop: () => (clearInterval(timer), unsubscribe()) };
}
