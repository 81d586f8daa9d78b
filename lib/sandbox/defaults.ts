import { defaultLimitRange } from "./admission/limit-ranger";
import { qosClass } from "./admission/pod-resources";
import { pruneAndDefault } from "./structural-schema";
import type { JsonObject, K8sObject, ResourceType } from "./types";
import { isObject, timestamp } from "./util";

// API defaulting (SetDefaults_* in k8s.io/kubernetes/pkg/apis/*/v1) for the fields clients read
// back; applied on every create and update, so it must be idempotent.

function imagePullPolicy(image: unknown): string {
  const ref = String(image ?? "");
  if (ref.includes("@")) return "IfNotPresent";
  const last = ref.split("/").pop() ?? "";
  const tag = last.includes(":") ? last.split(":").pop() : "";
  return !tag || tag === "latest" ? "Always" : "IfNotPresent";
}

function defaultContainer(container: JsonObject) {
  container.imagePullPolicy ??= imagePullPolicy(container.image);
  container.terminationMessagePath ??= "/dev/termination-log";
  container.terminationMessagePolicy ??= "File";
  const resources = (container.resources ??= {}) as {
    requests?: Record<string, string>;
    limits?: Record<string, string>;
  };
  // Requests default to limits where only a limit is given.
  for (const [name, value] of Object.entries(resources.limits ?? {})) {
    resources.requests ??= {};
    resources.requests[name] ??= value;
  }
  for (const port of (container.ports as JsonObject[] | undefined) ?? []) port.protocol ??= "TCP";
}

export function defaultPodSpec(spec: JsonObject) {
  spec.restartPolicy ??= "Always";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= "ClusterFirst";
  spec.securityContext ??= {};
  spec.schedulerName ??= "default-scheduler";
  for (const c of [...((spec.containers as JsonObject[]) ?? []), ...((spec.initContainers as JsonObject[]) ?? [])])
    if (isObject(c)) defaultContainer(c);
}

function defaultTemplate(spec: JsonObject) {
  const template = (spec.template ??= {}) as JsonObject;
  template.metadata ??= {};
  const podSpec = (template.spec ??= {}) as JsonObject;
  defaultPodSpec(podSpec);
}

function defaultPod(pod: K8sObject) {
  const spec = (pod.spec ??= {});
  defaultPodSpec(spec);
  spec.serviceAccountName ??= spec.serviceAccount ?? "default";
  spec.serviceAccount = spec.serviceAccountName;
  spec.enableServiceLinks ??= true;
  spec.priority ??= 0;
  spec.preemptionPolicy ??= "PreemptLowerPriority";
  spec.tolerations ??= [
    { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
    { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
  ];
  const status = (pod.status ??= {});
  status.phase ??= "Pending";
  status.qosClass ??= qosClass(pod);
}

function defaultWorkload(kind: string, object: K8sObject) {
  const spec = (object.spec ??= {});
  if (kind !== "DaemonSet") spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  defaultTemplate(spec);
  const templateLabels = ((spec.template as JsonObject).metadata as JsonObject).labels as
    Record<string, string> | undefined;
  if (kind === "Deployment") {
    spec.strategy ??= { type: "RollingUpdate" };
    const strategy = spec.strategy as JsonObject;
    if (strategy.type === "RollingUpdate") strategy.rollingUpdate ??= { maxUnavailable: "25%", maxSurge: "25%" };
    spec.progressDeadlineSeconds ??= 600;
  }
  if (kind === "StatefulSet") {
    spec.podManagementPolicy ??= "OrderedReady";
    spec.updateStrategy ??= { type: "RollingUpdate", rollingUpdate: { partition: 0 } };
    spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: "Retain", whenScaled: "Retain" };
  }
  if (kind === "DaemonSet")
    spec.updateStrategy ??= { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } };
  if (kind === "ReplicaSet" && !spec.selector && templateLabels) spec.selector = { matchLabels: { ...templateLabels } };
  object.status ??= {};
}

function defaultService(service: K8sObject) {
  const spec = (service.spec ??= {});
  spec.type ??= "ClusterIP";
  spec.sessionAffinity ??= "None";
  spec.internalTrafficPolicy ??= "Cluster";
  for (const port of (spec.ports as JsonObject[] | undefined) ?? []) {
    port.protocol ??= "TCP";
    port.targetPort ??= port.port;
  }
  if (spec.type === "NodePort" || spec.type === "LoadBalancer") spec.externalTrafficPolicy ??= "Cluster";
  service.status ??= { loadBalancer: {} };
}

function defaultNamespace(namespace: K8sObject) {
  namespace.spec ??= {};
  namespace.spec.finalizers ??= ["kubernetes"];
  namespace.metadata.labels = { ...namespace.metadata.labels, "kubernetes.io/metadata.name": namespace.metadata.name! };
  namespace.status ??= {};
  namespace.status.phase ??= "Active";
}

function defaultSecret(secret: K8sObject) {
  secret.type ??= "Opaque";
  // stringData is write-only: it lands base64-encoded in data.
  if (isObject(secret.stringData)) {
    const data = ((secret.data as Record<string, string> | undefined) ?? {}) as Record<string, string>;
    for (const [k, v] of Object.entries(secret.stringData)) data[k] = Buffer.from(String(v)).toString("base64");
    secret.data = data;
    delete secret.stringData;
  }
}

function defaultCrd(crd: K8sObject) {
  const spec = (crd.spec ??= {});
  const names = (spec.names ??= {}) as JsonObject;
  names.singular ??= String(names.kind ?? "").toLowerCase();
  names.listKind ??= `${names.kind}List`;
  spec.conversion ??= { strategy: "None" };
  const storage = ((spec.versions as JsonObject[] | undefined) ?? []).find((v) => v.storage) as JsonObject | undefined;
  const now = timestamp();
  const condition = (type: string, reason: string, message: string) => ({
    type,
    status: "True",
    lastTransitionTime: now,
    reason,
    message,
  });
  const previous = (crd.status?.conditions as JsonObject[] | undefined) ?? [];
  crd.status = {
    conditions: previous.length
      ? previous
      : [
          condition("NamesAccepted", "NoConflicts", "no conflicts found"),
          condition("Established", "InitialNamesAccepted", "the initial names have been accepted"),
        ],
    acceptedNames: { ...names },
    storedVersions: storage ? [storage.name] : [],
  };
}

export function applyDefaults(type: ResourceType, object: K8sObject): void {
  if (type.custom) {
    pruneAndDefault(type, object);
    return;
  }
  switch (type.kind) {
    case "Pod":
      return defaultPod(object);
    case "Deployment":
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet":
      return defaultWorkload(type.kind, object);
    case "Service":
      return defaultService(object);
    case "Namespace":
      return defaultNamespace(object);
    case "Secret":
      return defaultSecret(object);
    case "LimitRange":
      return defaultLimitRange(object);
    case "CustomResourceDefinition":
      return defaultCrd(object);
    case "NetworkPolicy": {
      const spec = (object.spec ??= {});
      spec.podSelector ??= {};
      spec.policyTypes ??= spec.egress ? ["Ingress", "Egress"] : ["Ingress"];
      return;
    }
  }
}
