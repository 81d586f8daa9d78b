import "server-only";
import { EVENTS } from "../builtin-resources";
import type { Writer } from "../store/writer";
import type { K8sObject } from "../types";
import { hexSuffix, timestamp } from "../util";
import { prepareForCreate } from "./metadata";

export interface EventSource {
  component: string;
  host?: string;
}

/** Records a core/v1 Event about an object, as controllers and the kubelet do. */
export async function recordEvent(
  w: Writer,
  involved: K8sObject,
  type: "Normal" | "Warning",
  reason: string,
  message: string,
  source: EventSource,
  fieldPath?: string,
): Promise<void> {
  const namespace = involved.metadata.namespace || "default";
  const now = timestamp();
  // Repeats of the same event are folded into one with a count, as the event recorder does.
  const same = (await w.list(EVENTS, { namespace })).find((e) => {
    const o = e.involvedObject as { uid?: string } | undefined;
    return o?.uid === involved.metadata.uid && e.reason === reason && e.message === message && e.type === type;
  });
  if (same) {
    await w.replace(EVENTS, { ...structuredClone(same), count: Number(same.count ?? 1) + 1, lastTimestamp: now }, same);
    return;
  }
  const event: K8sObject = {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `${involved.metadata.name}.${hexSuffix()}`, namespace },
    involvedObject: {
      kind: involved.kind,
      namespace: involved.metadata.namespace,
      name: involved.metadata.name,
      uid: involved.metadata.uid,
      apiVersion: involved.apiVersion,
      resourceVersion: involved.metadata.resourceVersion,
      ...(fieldPath ? { fieldPath } : {}),
    },
    reason,
    message,
    source,
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type,
    eventTime: null,
    reportingComponent: source.component,
    reportingInstance: source.host ?? "",
  };
  prepareForCreate(EVENTS, event, namespace);
  await w.insert(EVENTS, event);
}
