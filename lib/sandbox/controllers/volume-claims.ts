import "server-only";
import { PERSISTENT_VOLUME_CLAIMS } from "../builtin-resources";
import { recordEvent } from "../objects/events";
import { updateObject } from "../objects/update-object";
import { Writer } from "../store/writer";
import type { JsonObject, K8sObject } from "../types";

// The sandbox has no storage: a claim is bound at once to a volume of exactly the size it asks
// for, as a dynamic provisioner would, so its status and capacity look like a real cluster's.

const COMPONENT = "persistentvolume-controller";

export async function syncVolumeClaim(listed: K8sObject): Promise<void> {
  if (listed.status?.phase === "Bound") return;
  await Writer.run(async (w) => {
    const claim = await w.get(PERSISTENT_VOLUME_CLAIMS, listed.metadata.namespace!, listed.metadata.name!);
    if (!claim || claim.metadata.deletionTimestamp || claim.status?.phase === "Bound") return;
    const spec = (claim.spec ?? {}) as JsonObject;
    const requests = ((spec.resources as JsonObject | undefined)?.requests ?? {}) as JsonObject;
    const volumeName = `pvc-${claim.metadata.uid}`;
    const bound = { ...claim, spec: { ...spec, volumeName, storageClassName: spec.storageClassName ?? "standard" } };
    const saved = await updateObject(w, PERSISTENT_VOLUME_CLAIMS, bound, claim);
    const status = {
      phase: "Bound",
      accessModes: spec.accessModes ?? ["ReadWriteOnce"],
      capacity: { storage: requests.storage ?? "1Gi" },
    };
    await updateObject(w, PERSISTENT_VOLUME_CLAIMS, { ...saved, status }, saved, { status: true });
    await recordEvent(w, claim, "Normal", "ProvisioningSucceeded", `Successfully provisioned volume ${volumeName}`, {
      component: COMPONENT,
    });
  });
}
