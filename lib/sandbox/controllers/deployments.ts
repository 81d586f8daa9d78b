import "server-only";
import { DEPLOYMENTS, REPLICA_SETS } from "../builtin-resources";
import { createObject } from "../objects/create-object";
import { deleteObject } from "../objects/delete-object";
import { recordEvent } from "../objects/events";
import { updateObject } from "../objects/update-object";
import { Writer } from "../store/writer";
import type { JsonObject, K8sObject } from "../types";
import { deepEqual } from "../util";
import { setCondition } from "./conditions";
import { controllerRef, isControlledBy, templateHash } from "./templates";

// The deployment controller: one ReplicaSet per pod template (named by pod-template-hash);
// the new one is scaled to spec.replicas at once and old ones shrink as new pods become
// ready, which is a rolling update with a generous surge.

const COMPONENT = "deployment-controller";
const REVISION = "deployment.kubernetes.io/revision";

const revisionOf = (o: K8sObject) => Number(o.metadata.annotations?.[REVISION] ?? 0);
const replicasOf = (o: K8sObject) => Number(o.spec?.replicas ?? 0);
const statusNumber = (o: K8sObject | undefined, key: string) => Number(o?.status?.[key] ?? 0);

function scaledMessage(rs: K8sObject, from: number, to: number) {
  return `Scaled ${to > from ? "up" : "down"} replica set ${rs.metadata.name} from ${from} to ${to}`;
}

function maxUnavailable(d: K8sObject, desired: number): number {
  const value =
    ((d.spec?.strategy as JsonObject | undefined)?.rollingUpdate as JsonObject | undefined)?.maxUnavailable ?? "25%";
  if (typeof value === "number") return value;
  const percent = /^(\d+)%$/.exec(String(value));
  return percent ? Math.floor((desired * Number(percent[1])) / 100) : Number(value) || 0;
}

function newReplicaSet(d: K8sObject, hash: string, revision: number, desired: number): K8sObject {
  const template = structuredClone((d.spec?.template ?? {}) as JsonObject);
  const meta = (template.metadata ?? {}) as JsonObject;
  const labels = { ...((meta.labels ?? {}) as Record<string, string>), "pod-template-hash": hash };
  const selector = structuredClone((d.spec?.selector ?? {}) as JsonObject);
  selector.matchLabels = { ...((selector.matchLabels ?? {}) as Record<string, string>), "pod-template-hash": hash };
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      labels,
      annotations: {
        [REVISION]: String(revision),
        "deployment.kubernetes.io/desired-replicas": String(desired),
        "deployment.kubernetes.io/max-replicas": String(desired + 1),
      },
      ownerReferences: [controllerRef(d)],
    },
    spec: {
      replicas: desired,
      minReadySeconds: d.spec?.minReadySeconds ?? 0,
      selector,
      template: { ...template, metadata: { ...meta, labels } },
    },
  };
}

async function scale(
  w: Writer,
  d: K8sObject,
  rs: K8sObject,
  to: number,
  extra: Record<string, string> = {},
): Promise<K8sObject> {
  const from = replicasOf(rs);
  const next = structuredClone(rs);
  next.spec = { ...next.spec, replicas: to };
  next.metadata.annotations = { ...next.metadata.annotations, ...extra };
  const saved = await updateObject(w, REPLICA_SETS, next, rs);
  if (from !== to)
    await recordEvent(w, d, "Normal", "ScalingReplicaSet", scaledMessage(rs, from, to), { component: COMPONENT });
  return saved;
}

export async function syncDeployment(listed: K8sObject): Promise<void> {
  await Writer.run(async (w) => {
    const d = await w.get(DEPLOYMENTS, listed.metadata.namespace!, listed.metadata.name!);
    if (!d || d.metadata.deletionTimestamp) return;
    const namespace = d.metadata.namespace!;
    const desired = replicasOf(d);
    const hash = templateHash(d.spec?.template);
    const owned = (await w.list(REPLICA_SETS, { namespace })).filter((rs) => isControlledBy(rs, d));
    let current = owned.find((rs) => rs.metadata.labels?.["pod-template-hash"] === hash);
    let olds = owned.filter((rs) => rs !== current);
    const maxRevision = Math.max(0, ...owned.map(revisionOf));
    let created = false;

    if (!d.spec?.paused) {
      if (!current) {
        current = await createObject(w, REPLICA_SETS, newReplicaSet(d, hash, maxRevision + 1, desired), namespace);
        await recordEvent(w, d, "Normal", "ScalingReplicaSet", scaledMessage(current, 0, desired), {
          component: COMPONENT,
        });
        created = true;
      } else if (replicasOf(current) !== desired || revisionOf(current) < maxRevision) {
        const bump: Record<string, string> =
          revisionOf(current) < maxRevision ? { [REVISION]: String(maxRevision + 1) } : {};
        current = await scale(w, d, current, desired, {
          ...bump,
          "deployment.kubernetes.io/desired-replicas": String(desired),
        });
      }
      // Old replica sets give way as new pods become ready.
      let allowance = Math.max(0, desired - statusNumber(current, "readyReplicas"));
      const shrunk: K8sObject[] = [];
      for (const old of [...olds].sort((a, b) => revisionOf(b) - revisionOf(a))) {
        const target = Math.min(replicasOf(old), allowance);
        allowance -= target;
        shrunk.push(target !== replicasOf(old) ? await scale(w, d, old, target) : old);
      }
      olds = shrunk;
      const limit = Number(d.spec?.revisionHistoryLimit ?? 10);
      const idle = olds
        .filter((rs) => replicasOf(rs) === 0 && statusNumber(rs, "replicas") === 0)
        .sort((a, b) => revisionOf(a) - revisionOf(b));
      for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
        await deleteObject(w, REPLICA_SETS, rs);
        olds = olds.filter((o) => o !== rs);
      }
    }

    const all = [current, ...olds].filter((rs): rs is K8sObject => !!rs);
    const sum = (key: string) => all.reduce((n, rs) => n + statusNumber(rs, key), 0);
    const available = sum("availableReplicas");
    const updated = statusNumber(current, "replicas");
    const previous = d.status?.conditions as JsonObject[] | undefined;
    const complete =
      !!current &&
      updated === desired &&
      statusNumber(current, "availableReplicas") >= desired &&
      sum("replicas") === updated;
    const rsName = current?.metadata.name ?? "";
    const progressing = created
      ? setCondition(previous, "Progressing", "True", "NewReplicaSetCreated", `Created new replica set "${rsName}"`)
      : complete
        ? setCondition(
            previous,
            "Progressing",
            "True",
            "NewReplicaSetAvailable",
            `ReplicaSet "${rsName}" has successfully progressed.`,
          )
        : setCondition(previous, "Progressing", "True", "ReplicaSetUpdated", `ReplicaSet "${rsName}" is progressing.`);
    const minimum = available >= desired - maxUnavailable(d, desired);
    const availableCondition = minimum
      ? setCondition(previous, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.")
      : setCondition(
          previous,
          "Available",
          "False",
          "MinimumReplicasUnavailable",
          "Deployment does not have minimum availability.",
        );
    const status: JsonObject = {
      observedGeneration: d.metadata.generation,
      replicas: sum("replicas"),
      updatedReplicas: updated,
      readyReplicas: sum("readyReplicas"),
      availableReplicas: available,
      ...(sum("replicas") - available > 0 ? { unavailableReplicas: Math.max(0, sum("replicas") - available) } : {}),
      conditions: [availableCondition, progressing],
    };
    let saved = d;
    const revision = current ? String(revisionOf(current)) : undefined;
    if (revision && d.metadata.annotations?.[REVISION] !== revision) {
      const next = structuredClone(d);
      next.metadata.annotations = { ...next.metadata.annotations, [REVISION]: revision };
      saved = await updateObject(w, DEPLOYMENTS, next, d, { internal: true });
    }
    if (!deepEqual(status, saved.status ?? {}))
      await updateObject(w, DEPLOYMENTS, { ...saved, status }, saved, { status: true });
  });
}
