import "server-only";
import { createHash } from "node:crypto";
import { PODS } from "../builtin-resources";
import { NODE_IP, NODE_NAME, podStartDelayFor } from "../config";
import { recordEvent } from "../objects/events";
import { updateObject } from "../objects/update-object";
import { Writer } from "../store/writer";
import type { JsonObject, K8sObject } from "../types";
import { fnv32a, timestamp } from "../util";

// The scheduler and the kubelet of the one sandbox node: bind, then after a short delay
// "pull" and start every container, so pods go Pending → Running and Ready.

/** Images that fail to pull, to show ErrImagePull/ImagePullBackOff on purpose. */
const BROKEN_IMAGE = /does-not-exist|doesnotexist|invalid-image/;

const KUBELET = { component: "kubelet", host: NODE_NAME };

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function condition(type: string, status: "True" | "False", at: string, reason?: string): JsonObject {
  return { type, status, lastProbeTime: null, lastTransitionTime: at, ...(reason ? { reason } : {}) };
}

const containersOf = (pod: K8sObject) =>
  ((pod.spec?.containers as JsonObject[] | undefined) ?? []).map((c) => ({
    name: String(c.name),
    image: String(c.image),
  }));

function podIp(pod: K8sObject, taken: Set<string>): string {
  let n = fnv32a(pod.metadata.uid!) % 60000;
  let ip: string;
  do {
    n = (n + 1) % 60000;
    ip = `10.244.${Math.floor(n / 250)}.${(n % 250) + 2}`;
  } while (taken.has(ip));
  return ip;
}

async function bind(w: Writer, pod: K8sObject): Promise<void> {
  const at = timestamp();
  let saved = pod;
  if (!pod.spec?.nodeName) {
    const bound = structuredClone(pod);
    bound.spec = { ...bound.spec, nodeName: NODE_NAME };
    saved = await updateObject(w, PODS, bound, pod, { internal: true });
  }
  const status: JsonObject = {
    ...saved.status,
    phase: "Pending",
    conditions: [condition("PodScheduled", "True", at)],
    hostIP: NODE_IP,
    hostIPs: [{ ip: NODE_IP }],
    startTime: at,
    containerStatuses: containersOf(pod).map((c) => ({
      name: c.name,
      image: c.image,
      imageID: "",
      ready: false,
      started: false,
      restartCount: 0,
      state: { waiting: { reason: "ContainerCreating" } },
      lastState: {},
    })),
  };
  await updateObject(w, PODS, { ...saved, status }, saved, { status: true });
  await recordEvent(
    w,
    pod,
    "Normal",
    "Scheduled",
    `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${NODE_NAME}`,
    {
      component: "default-scheduler",
    },
  );
}

async function start(w: Writer, pod: K8sObject, ip: string): Promise<void> {
  const at = timestamp();
  const containers = containersOf(pod);
  const broken = containers.filter((c) => BROKEN_IMAGE.test(c.image));
  const statuses = containers.map((c) => {
    const ok = !broken.includes(c);
    return {
      name: c.name,
      image: c.image,
      imageID: ok ? `docker.io/library/${c.image.split(":")[0]}@sha256:${sha256(c.image)}` : "",
      containerID: ok ? `containerd://${sha256(`${pod.metadata.uid}/${c.name}`)}` : undefined,
      ready: ok,
      started: ok,
      restartCount: 0,
      state: ok
        ? { running: { startedAt: at } }
        : { waiting: { reason: "ErrImagePull", message: `failed to pull and unpack image "${c.image}": not found` } },
      lastState: {},
    };
  });
  const ready = broken.length === 0;
  const conditions = [
    condition("PodReadyToStartContainers", "True", at),
    condition("Initialized", "True", at),
    condition("Ready", ready ? "True" : "False", at, ready ? undefined : "ContainersNotReady"),
    condition("ContainersReady", ready ? "True" : "False", at, ready ? undefined : "ContainersNotReady"),
    ...((pod.status?.conditions as JsonObject[] | undefined) ?? []).filter((c) => c.type === "PodScheduled"),
  ];
  const status = {
    ...pod.status,
    phase: ready ? "Running" : "Pending",
    conditions,
    podIP: ip,
    podIPs: [{ ip }],
    containerStatuses: statuses,
  };
  await updateObject(w, PODS, { ...pod, status }, pod, { status: true });
  for (const c of containers) {
    const path = `spec.containers{${c.name}}`;
    if (BROKEN_IMAGE.test(c.image)) {
      await recordEvent(w, pod, "Normal", "Pulling", `Pulling image "${c.image}"`, KUBELET, path);
      await recordEvent(w, pod, "Warning", "Failed", `Failed to pull image "${c.image}": not found`, KUBELET, path);
      await recordEvent(w, pod, "Warning", "Failed", "Error: ErrImagePull", KUBELET, path);
      continue;
    }
    await recordEvent(
      w,
      pod,
      "Normal",
      "Pulled",
      `Container image "${c.image}" already present on machine`,
      KUBELET,
      path,
    );
    await recordEvent(w, pod, "Normal", "Created", `Created container: ${c.name}`, KUBELET, path);
    await recordEvent(w, pod, "Normal", "Started", `Started container ${c.name}`, KUBELET, path);
  }
}

/** Moves every pod one step along: new → bound (Pending, ContainerCreating); bound and due → running. */
export async function syncPods(pods: K8sObject[], now: Date): Promise<void> {
  const taken = new Set(pods.map((p) => p.status?.podIP as string | undefined).filter((ip): ip is string => !!ip));
  const due = (pod: K8sObject) =>
    pod.status?.phase === "Pending" &&
    !pod.status?.podIP &&
    now.getTime() - Date.parse(String(pod.status?.startTime)) >=
      podStartDelayFor(pod.metadata.annotations as Record<string, string> | undefined);
  for (const listed of pods) {
    if (listed.metadata.deletionTimestamp) continue;
    if (listed.status?.startTime && !due(listed)) continue;
    await Writer.run(async (w) => {
      const pod = await w.get(PODS, listed.metadata.namespace!, listed.metadata.name!);
      if (!pod || pod.metadata.uid !== listed.metadata.uid || pod.metadata.deletionTimestamp) return;
      if (!pod.status?.startTime) return bind(w, pod);
      // Judged again on the pod as it is now: another controller pass (another process sharing
      // the store) may have bound it since it was listed, and then it is not due yet.
      if (due(pod)) {
        const ip = podIp(pod, taken);
        taken.add(ip);
        await start(w, pod, ip);
      }
    });
  }
}
