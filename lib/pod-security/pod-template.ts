// Where a pod spec lives in each kind that makes pods.
type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});

const TEMPLATE_KINDS = new Set([
  "Deployment",
  "StatefulSet",
  "ReplicaSet",
  "DaemonSet",
  "Job",
  "ReplicationController",
]);

/** The pod spec and its annotations, or null when the kind makes no pods. */
export function podSpecOf(object: unknown): { spec: unknown; annotations: unknown; template: boolean } | null {
  const o = obj(object);
  const kind = String(o.kind ?? "");
  if (kind === "Pod") return { spec: o.spec, annotations: obj(o.metadata).annotations, template: false };
  if (TEMPLATE_KINDS.has(kind)) {
    const template = obj(obj(o.spec).template);
    return { spec: template.spec, annotations: obj(template.metadata).annotations, template: true };
  }
  if (kind === "CronJob") {
    const template = obj(obj(obj(obj(o.spec).jobTemplate).spec).template);
    return { spec: template.spec, annotations: obj(template.metadata).annotations, template: true };
  }
  return null;
}
