import "server-only";
import { PODS, REPLICA_SETS } from "../builtin-resources";
import { deleteObject } from "../objects/delete-object";
import { recordEvent } from "../objects/events";
import { updateObject } from "../objects/update-object";
import { Writer } from "../store/writer";
import type { JsonObject, K8sObject } from "../types";
import { deepEqual, timestamp } from "../util";
import { createPodFor, isActive, isControlledBy, isReady } from "./templates";

const COMPONENT = "replicaset-controller";
const FAILED_CREATE = "pods could not be created; see the FailedCreate events";

// After a refused pod creation (quota, limits) retries back off, doubling up to a minute.
const backoff = new Map<string, { until: number; delay: number }>();

function mayCreate(uid: string): boolean {
  return (backoff.get(uid)?.until ?? 0) <= Date.now();
}

function noteFailure(uid: string) {
  const delay = Math.min((backoff.get(uid)?.delay ?? 500) * 2, 60_000);
  backoff.set(uid, { until: Date.now() + delay, delay });
}

/** Deletion order of surplus pods: unscheduled, then pending, then not ready, then the newest. */
function deletionRank(pod: K8sObject): number {
  if (!pod.spec?.nodeName) return 0;
  if (pod.status?.phase === "Pending") return 1;
  if (!isReady(pod)) return 2;
  return 3;
}

export async function syncReplicaSet(listed: K8sObject): Promise<void> {
  await Writer.run(async (w) => {
    const rs = await w.get(REPLICA_SETS, listed.metadata.namespace!, listed.metadata.name!);
    if (!rs || rs.metadata.deletionTimestamp) return;
    const namespace = rs.metadata.namespace!;
    const pods = (await w.list(PODS, { namespace })).filter((p) => isControlledBy(p, rs) && isActive(p));
    const desired = Number(rs.spec?.replicas ?? 1);
    const template = (rs.spec?.template ?? {}) as JsonObject;
    let failed: string | null = pods.length < desired && !mayCreate(rs.metadata.uid!) ? FAILED_CREATE : null;
    if (pods.length < desired && mayCreate(rs.metadata.uid!)) {
      const labels = { ...(((template.metadata as JsonObject | undefined)?.labels ?? {}) as Record<string, string>) };
      for (let i = pods.length; i < desired; i++) {
        const pod = await createPodFor(w, rs, template, { generateName: `${rs.metadata.name}-`, labels }, COMPONENT);
        if (!pod) {
          failed = FAILED_CREATE;
          noteFailure(rs.metadata.uid!);
          break;
        }
        backoff.delete(rs.metadata.uid!);
        pods.push(pod);
      }
    } else if (pods.length > desired) {
      const surplus = [...pods]
        .sort(
          (a, b) =>
            deletionRank(a) - deletionRank(b) ||
            String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp)),
        )
        .slice(0, pods.length - desired);
      for (const pod of surplus) {
        await deleteObject(w, PODS, pod);
        await recordEvent(w, rs, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`, {
          component: COMPONENT,
        });
        pods.splice(pods.indexOf(pod), 1);
      }
    }
    const ready = pods.filter(isReady).length;
    const previousFailure = ((rs.status?.conditions as JsonObject[] | undefined) ?? []).find(
      (c) => c.type === "ReplicaFailure",
    )?.lastTransitionTime;
    const selectorLabels = ((rs.spec?.selector as JsonObject | undefined)?.matchLabels ?? {}) as Record<string, string>;
    const fullyLabeled = pods.filter((p) =>
      Object.entries(selectorLabels).every(([k, v]) => p.metadata.labels?.[k] === v),
    ).length;
    const status: JsonObject = {
      replicas: pods.length,
      fullyLabeledReplicas: fullyLabeled,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata.generation,
      ...(failed
        ? {
            conditions: [
              {
                type: "ReplicaFailure",
                status: "True",
                reason: "FailedCreate",
                message: failed,
                lastTransitionTime: previousFailure ?? timestamp(),
              },
            ],
          }
        : {}),
    };
    if (!deepEqual(status, rs.status ?? {}))
      await updateObject(w, REPLICA_SETS, { ...rs, status }, rs, { status: true });
  });
}
