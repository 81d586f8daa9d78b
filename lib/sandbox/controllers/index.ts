import "server-only";
import { dropProcessSingleton, peekProcessSingleton, processSingleton } from "@/lib/cache";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/observability/logger";
import {
  DAEMON_SETS,
  DEPLOYMENTS,
  PERSISTENT_VOLUME_CLAIMS,
  PODS,
  REPLICA_SETS,
  STATEFUL_SETS,
} from "../builtin-resources";
import { controllerTickMs } from "../config";
import { onCommitted } from "../notifier";
import { compactWatchLog } from "../store/compaction";
import { readObjects } from "../store/read";
import type { K8sObject } from "../types";
import { ensureClusterSeeded } from "./bootstrap";
import { syncDaemonSet } from "./daemon-sets";
import { syncDeployment } from "./deployments";
import { collectOrphans, expireEvents, finalizeTerminatingNamespaces } from "./garbage-collector";
import { syncPods } from "./kubelet";
import { syncReplicaSet } from "./replica-sets";
import { syncStatefulSet } from "./stateful-sets";
import { syncVolumeClaim } from "./volume-claims";

const HOUSEKEEPING_MS = 60_000;

async function each(list: Promise<K8sObject[]>, sync: (o: K8sObject) => Promise<void>) {
  for (const object of await list) await sync(object);
}

/**
 * One pass of every controller: workloads create their children, the kubelet moves pods along,
 * then owners recompute status from what their children now report. Tests call this directly.
 */
export async function reconcileOnce(options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  const db = getDb();
  await ensureClusterSeeded();
  await each(readObjects(db, DEPLOYMENTS), syncDeployment);
  await each(readObjects(db, REPLICA_SETS), syncReplicaSet);
  await each(readObjects(db, STATEFUL_SETS), syncStatefulSet);
  await each(readObjects(db, DAEMON_SETS), syncDaemonSet);
  await syncPods(await readObjects(db, PODS), now);
  await each(readObjects(db, REPLICA_SETS), syncReplicaSet);
  await each(readObjects(db, DEPLOYMENTS), syncDeployment);
  await each(readObjects(db, STATEFUL_SETS), syncStatefulSet);
  await each(readObjects(db, DAEMON_SETS), syncDaemonSet);
  await each(readObjects(db, PERSISTENT_VOLUME_CLAIMS), syncVolumeClaim);
  await finalizeTerminatingNamespaces();
}

/** The slow, whole-store chores: orphans (deletes cascade at once; this is the backstop), old watch-log rows, expired events. */
export async function housekeeping(now = new Date()): Promise<void> {
  await collectOrphans();
  await compactWatchLog();
  await expireEvents(now);
}

interface Loop {
  timer?: ReturnType<typeof setTimeout>;
  running: boolean;
  again: boolean;
  lastHousekeeping: number;
  unsubscribe: () => void;
}

const LOOP = "sandbox-controllers";
const currentLoop = () => peekProcessSingleton<Loop>(LOOP);

async function tick(loop: Loop): Promise<void> {
  if (loop.running) {
    loop.again = true;
    return;
  }
  loop.running = true;
  clearTimeout(loop.timer);
  try {
    await reconcileOnce();
    if (Date.now() - loop.lastHousekeeping > HOUSEKEEPING_MS) {
      loop.lastHousekeeping = Date.now();
      await housekeeping();
    }
  } catch (error) {
    logger.warn({ err: error }, "sandbox controller pass failed");
  } finally {
    loop.running = false;
    if (currentLoop() === loop) schedule(loop, loop.again ? 50 : controllerTickMs());
    loop.again = false;
  }
}

function schedule(loop: Loop, ms: number) {
  clearTimeout(loop.timer);
  loop.timer = setTimeout(() => void tick(loop), ms);
  loop.timer.unref?.();
}

/** Starts the in-process controllers once; later writes wake them early. */
export function startControllers(): void {
  if (currentLoop()) return;
  const loop = processSingleton<Loop>(LOOP, () => ({
    running: false,
    again: false,
    lastHousekeeping: Date.now(),
    unsubscribe: () => {},
  }));
  // Other writers wake the loop (coalesced); the controllers' own commits do not, or a
  // failing pod creation would spin.
  loop.unsubscribe = onCommitted(() => {
    if (!loop.running) schedule(loop, 100);
  });
  schedule(loop, 0);
}

export function stopControllers(): void {
  const loop = currentLoop();
  if (!loop) return;
  clearTimeout(loop.timer);
  loop.unsubscribe();
  dropProcessSingleton(LOOP);
}
