import "server-only";
import { DAEMON_SETS, NODES, PODS } from "../builtin-resources";
import { deleteObject } from "../objects/delete-object";
import { updateObject } from "../objects/update-object";
import { Writer } from "../store/writer";
import type { JsonObject, K8sObject } from "../types";
import { deepEqual } from "../util";
import { createPodFor, isActive, isControlledBy, isReady, templateHash } from "./templates";

// The daemonset controller: one pod per node, replaced when the template changes.

const COMPONENT = "daemonset-controller";
const REVISION_LABEL = "controller-revision-hash";

export async function syncDaemonSet(listed: K8sObject): Promise<void> {
  await Writer.run(async (w) => {
    const ds = await w.get(DAEMON_SETS, listed.metadata.namespace!, listed.metadata.name!);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const template = (ds.spec?.template ?? {}) as JsonObject;
    const revision = templateHash(template);
    const nodes = await w.list(NODES);
    let pods = (await w.list(PODS, { namespace: ds.metadata.namespace })).filter(
      (p) => isControlledBy(p, ds) && isActive(p),
    );
    for (const node of nodes) {
      const nodeName = node.metadata.name!;
      const onNode = pods.filter((p) => p.spec?.nodeName === nodeName);
      const stale = onNode.filter((p) => p.metadata.labels?.[REVISION_LABEL] !== revision);
      for (const pod of stale) {
        await deleteObject(w, PODS, pod);
        pods = pods.filter((p) => p !== pod);
      }
      if (onNode.length - stale.length > 0) continue;
      const labels = {
        ...(((template.metadata as JsonObject | undefined)?.labels ?? {}) as Record<string, string>),
        [REVISION_LABEL]: revision,
        "pod-template-generation": String(ds.metadata.generation ?? 1),
      };
      const pod = await createPodFor(
        w,
        ds,
        template,
        { generateName: `${ds.metadata.name}-`, labels, spec: { nodeName } },
        COMPONENT,
      );
      if (pod) pods.push(pod);
    }
    const ready = pods.filter(isReady).length;
    const status: JsonObject = {
      observedGeneration: ds.metadata.generation,
      desiredNumberScheduled: nodes.length,
      currentNumberScheduled: pods.length,
      numberMisscheduled: 0,
      numberReady: ready,
      numberAvailable: ready,
      updatedNumberScheduled: pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === revision).length,
      ...(nodes.length - ready > 0 ? { numberUnavailable: nodes.length - ready } : {}),
    };
    if (!deepEqual(status, ds.status ?? {}))
      await updateObject(w, DAEMON_SETS, { ...ds, status }, ds, { status: true });
  });
}
