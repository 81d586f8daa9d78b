import "server-only";
import { PODS, STATEFUL_SETS } from "../builtin-resources";
import { deleteObject } from "../objects/delete-object";
import { recordEvent } from "../objects/events";
import { updateObject } from "../objects/update-object";
import { Writer } from "../store/writer";
import type { JsonObject, K8sObject } from "../types";
import { deepEqual } from "../util";
import { createPodFor, isActive, isControlledBy, isReady, templateHash } from "./templates";

// The statefulset controller: pods <name>-<ordinal>, created in order (each after the previous
// one is ready, unless podManagementPolicy is Parallel), removed from the highest ordinal, and
// replaced one at a time from the highest ordinal when the template changes.

const COMPONENT = "statefulset-controller";
const REVISION_LABEL = "controller-revision-hash";

const ordinalOf = (sts: K8sObject, pod: K8sObject) => Number(pod.metadata.name!.slice(sts.metadata.name!.length + 1));

export async function syncStatefulSet(listed: K8sObject): Promise<void> {
  await Writer.run(async (w) => {
    const sts = await w.get(STATEFUL_SETS, listed.metadata.namespace!, listed.metadata.name!);
    if (!sts || sts.metadata.deletionTimestamp) return;
    const name = sts.metadata.name!;
    const desired = Number(sts.spec?.replicas ?? 1);
    const template = (sts.spec?.template ?? {}) as JsonObject;
    const revision = `${name}-${templateHash(template)}`;
    const parallel = sts.spec?.podManagementPolicy === "Parallel";
    let pods = (await w.list(PODS, { namespace: sts.metadata.namespace })).filter(
      (p) => isControlledBy(p, sts) && isActive(p),
    );
    pods.sort((a, b) => ordinalOf(sts, a) - ordinalOf(sts, b));

    for (const pod of pods.filter((p) => ordinalOf(sts, p) >= desired).reverse()) {
      await deleteObject(w, PODS, pod);
      await recordEvent(
        w,
        sts,
        "Normal",
        "SuccessfulDelete",
        `delete Pod ${pod.metadata.name} in StatefulSet ${name} successful`,
        { component: COMPONENT },
      );
      pods = pods.filter((p) => p !== pod);
      if (!parallel) break;
    }
    const outdated = pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] !== revision);
    if (outdated.length > 0 && pods.length === desired && pods.every(isReady)) {
      const victim = outdated[outdated.length - 1];
      await deleteObject(w, PODS, victim);
      pods = pods.filter((p) => p !== victim);
    }
    for (let ordinal = 0; ordinal < desired; ordinal++) {
      if (pods.some((p) => ordinalOf(sts, p) === ordinal)) continue;
      if (!parallel && pods.some((p) => ordinalOf(sts, p) < ordinal && !isReady(p))) break;
      const podName = `${name}-${ordinal}`;
      const labels = {
        ...(((template.metadata as JsonObject | undefined)?.labels ?? {}) as Record<string, string>),
        [REVISION_LABEL]: revision,
        "statefulset.kubernetes.io/pod-name": podName,
        "apps.kubernetes.io/pod-index": String(ordinal),
      };
      const spec = { hostname: podName, ...(sts.spec?.serviceName ? { subdomain: sts.spec.serviceName } : {}) };
      const pod = await createPodFor(w, sts, template, { name: podName, labels, spec }, COMPONENT);
      if (!pod) break;
      pods.push(pod);
      if (!parallel) break;
    }

    const ready = pods.filter(isReady).length;
    const updated = pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === revision).length;
    const status: JsonObject = {
      observedGeneration: sts.metadata.generation,
      replicas: pods.length,
      readyReplicas: ready,
      currentReplicas: updated,
      updatedReplicas: updated,
      availableReplicas: ready,
      currentRevision: updated === pods.length ? revision : (sts.status?.currentRevision ?? revision),
      updateRevision: revision,
      collisionCount: 0,
    };
    if (!deepEqual(status, sts.status ?? {}))
      await updateObject(w, STATEFUL_SETS, { ...sts, status }, sts, { status: true });
  });
}
