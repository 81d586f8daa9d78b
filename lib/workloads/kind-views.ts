import "server-only";
import type { KubernetesObject } from "@kubernetes/client-node";
import type { ListableResource } from "./resources";

// One row per object, with the columns `kubectl get` shows for its kind. Objects arrive untyped
// from the generic list, so every field is read defensively.

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown) => (typeof v === "number" ? v : 0);
const str = (v: unknown) => (typeof v === "string" ? v : null);
const iso = (v: unknown) => (typeof v === "string" || v instanceof Date ? new Date(v).toISOString() : null);

function base(o: KubernetesObject) {
  return { name: o.metadata?.name ?? "", createdAt: iso(o.metadata?.creationTimestamp) };
}

const images = (podSpec: unknown) => arr(obj(podSpec).containers).map((c) => String(obj(c).image ?? ""));

function statefulSet(o: KubernetesObject) {
  const spec = obj((o as Json).spec);
  const status = obj((o as Json).status);
  return {
    ...base(o),
    ready: num(status.readyReplicas),
    desired: num(spec.replicas ?? 1),
    images: images(obj(spec.template).spec),
  };
}

function daemonSet(o: KubernetesObject) {
  const spec = obj((o as Json).spec);
  const status = obj((o as Json).status);
  return {
    ...base(o),
    ready: num(status.numberReady),
    desired: num(status.desiredNumberScheduled),
    available: num(status.numberAvailable),
    images: images(obj(spec.template).spec),
  };
}

function jobStatus(status: Json): "Complete" | "Failed" | "Suspended" | "Running" {
  const conditions = arr(status.conditions).map(obj);
  const has = (type: string) => conditions.some((c) => c.type === type && c.status === "True");
  return has("Complete") ? "Complete" : has("Failed") ? "Failed" : has("Suspended") ? "Suspended" : "Running";
}

function job(o: KubernetesObject) {
  const spec = obj((o as Json).spec);
  const status = obj((o as Json).status);
  return {
    ...base(o),
    succeeded: num(status.succeeded),
    completions: num(spec.completions ?? 1),
    active: num(status.active),
    failed: num(status.failed),
    status: jobStatus(status),
    startedAt: iso(status.startTime),
    completedAt: iso(status.completionTime),
  };
}

function cronJob(o: KubernetesObject) {
  const spec = obj((o as Json).spec);
  const status = obj((o as Json).status);
  return {
    ...base(o),
    schedule: String(spec.schedule ?? ""),
    timeZone: str(spec.timeZone),
    suspend: spec.suspend === true,
    active: arr(status.active).length,
    lastScheduleTime: iso(status.lastScheduleTime),
    lastSuccessfulTime: iso(status.lastSuccessfulTime),
  };
}

function ingress(o: KubernetesObject) {
  const spec = obj((o as Json).spec);
  const lb = arr(obj(obj((o as Json).status).loadBalancer).ingress).map(obj);
  return {
    ...base(o),
    className: str(spec.ingressClassName),
    hosts: [...new Set(arr(spec.rules).map((r) => String(obj(r).host ?? "*")))],
    address: lb.map((i) => String(i.ip ?? i.hostname ?? "")).filter(Boolean),
    tls: arr(spec.tls).length > 0,
  };
}

const byteLength = (v: unknown) => (typeof v === "string" ? Buffer.byteLength(v, "utf8") : 0);
const base64Length = (v: unknown) => (typeof v === "string" ? Buffer.from(v, "base64").length : 0);

function configMap(o: KubernetesObject) {
  const data = obj((o as Json).data);
  const binary = obj((o as Json).binaryData);
  return {
    ...base(o),
    keys: [
      ...Object.entries(data).map(([key, v]) => ({ key, size: byteLength(v) })),
      ...Object.entries(binary).map(([key, v]) => ({ key, size: base64Length(v) })),
    ].sort((a, b) => a.key.localeCompare(b.key)),
  };
}

/** Keys and decoded sizes only: a Secret's values leave the server through the audited reveal alone. */
function secret(o: KubernetesObject) {
  return {
    ...base(o),
    type: String((o as Json).type ?? "Opaque"),
    keys: Object.entries(obj((o as Json).data))
      .map(([key, v]) => ({ key, size: base64Length(v) }))
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
}

function pvc(o: KubernetesObject) {
  const spec = obj((o as Json).spec);
  const status = obj((o as Json).status);
  return {
    ...base(o),
    phase: String(status.phase ?? "Pending"),
    capacity: str(obj(status.capacity).storage),
    requested: str(obj(obj(spec.resources).requests).storage),
    accessModes: arr(spec.accessModes).map(String),
    storageClass: str(spec.storageClassName),
    volume: str(spec.volumeName),
  };
}

export const KIND_VIEWS = {
  statefulsets: statefulSet,
  daemonsets: daemonSet,
  jobs: job,
  cronjobs: cronJob,
  ingresses: ingress,
  configmaps: configMap,
  secrets: secret,
  persistentvolumeclaims: pvc,
} satisfies Record<ListableResource, (o: KubernetesObject) => { name: string; createdAt: string | null }>;

export type KindRows = { [R in ListableResource]: ReturnType<(typeof KIND_VIEWS)[R]> };
