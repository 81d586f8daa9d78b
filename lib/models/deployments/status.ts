import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { modelDeployments, type ModelDeploymentRow } from "@/lib/db/schema";
import type { Observed } from "./cluster";
import { ensureLoaded } from "./model-loads";
import type { DeploymentStatus } from "./schemas";

const PRODUCT = { seldon: "Seldon Core", kserve: "KServe" } as const;

/** The status a deployment shows: its pods first, then (built-in runtime) the model loaded in Facet. */
export function deploymentStatus(row: ModelDeploymentRow, observed: Observed | undefined): DeploymentStatus {
  const ready = observed?.readyReplicas ?? 0;
  if (row.phase === "Failed")
    return {
      phase: "Failed",
      reason: row.reason,
      readyReplicas: ready,
      progress: { step: "failed", done: 0, total: 1 },
    };
  if (row.runtime !== "builtin") {
    const step = `waiting for ${PRODUCT[row.runtime]}`;
    if (observed?.state === "Available")
      return { phase: "Running", reason: null, readyReplicas: ready, progress: { step: "serving", done: 1, total: 1 } };
    if (observed?.state === "Failed")
      return {
        phase: "Failed",
        reason: observed.message ?? null,
        readyReplicas: ready,
        progress: { step, done: 0, total: 1 },
      };
    return {
      phase: "Pending",
      reason: observed?.message ?? null,
      readyReplicas: ready,
      progress: { step, done: 0, total: 1 },
    };
  }
  const load = ensureLoaded(row.implementation ?? "");
  if (load.state === "failed")
    return {
      phase: "Failed",
      reason: load.reason,
      readyReplicas: ready,
      progress: { step: "loading model", done: 0, total: 1 },
    };
  if (ready < row.replicas)
    return {
      phase: "Pending",
      reason: observed?.message ?? null,
      readyReplicas: ready,
      progress: { step: "scheduling pods", done: ready, total: row.replicas },
    };
  if (load.state === "loading")
    return {
      phase: "Pending",
      reason: null,
      readyReplicas: ready,
      progress: { step: "loading model", done: 0, total: 1 },
    };
  return { phase: "Running", reason: null, readyReplicas: ready, progress: { step: "serving", done: 1, total: 1 } };
}

/**
 * The phase last seen is kept on the row: a failure sticks (with why) until the deployment
 * changes, and Pending/Running let pages that cannot ask the cluster (a model's "Deployed in")
 * show what the environment's own page last showed.
 */
export async function recordPhase(row: ModelDeploymentRow, status: DeploymentStatus): Promise<void> {
  if (row.phase === "Failed" || status.phase === row.phase) return;
  await getDb()
    .update(modelDeployments)
    .set({ phase: status.phase, reason: status.phase === "Failed" ? (status.reason?.slice(0, 1024) ?? null) : null })
    .where(
      and(
        eq(modelDeployments.id, row.id),
        eq(modelDeployments.version, row.version),
        eq(modelDeployments.phase, row.phase),
      ),
    );
}
