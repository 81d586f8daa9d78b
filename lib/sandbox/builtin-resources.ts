import type { ResourceType } from "./types";

interface Spec {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  generation?: boolean;
  status?: boolean;
  scale?: boolean;
  log?: boolean;
}

function define(spec: Spec): ResourceType {
  return {
    group: spec.group,
    versions: [spec.version],
    resource: spec.resource,
    singular: spec.kind.toLowerCase(),
    kind: spec.kind,
    listKind: `${spec.kind}List`,
    namespaced: spec.namespaced,
    shortNames: spec.shortNames ?? [],
    categories: spec.categories ?? [],
    hasGeneration: spec.generation ?? false,
    status: spec.status ?? false,
    scale: spec.scale ? { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas" } : undefined,
    log: spec.log,
    custom: false,
  };
}

const core = (s: Omit<Spec, "group" | "version">) => define({ ...s, group: "", version: "v1" });
const apps = (s: Omit<Spec, "group" | "version">) =>
  define({ ...s, group: "apps", version: "v1", generation: true, status: true, categories: ["all"] });
const batch = (s: Omit<Spec, "group" | "version">) =>
  define({ ...s, group: "batch", version: "v1", generation: true, status: true, categories: ["all"] });

// The kinds Facet uses, with the short names, categories and subresources a v1.32 server advertises.
export const BUILTIN_RESOURCES: ResourceType[] = [
  core({ resource: "namespaces", kind: "Namespace", namespaced: false, shortNames: ["ns"], status: true }),
  core({ resource: "nodes", kind: "Node", namespaced: false, shortNames: ["no"], status: true }),
  core({
    resource: "pods",
    kind: "Pod",
    namespaced: true,
    shortNames: ["po"],
    categories: ["all"],
    status: true,
    log: true,
  }),
  core({
    resource: "services",
    kind: "Service",
    namespaced: true,
    shortNames: ["svc"],
    categories: ["all"],
    status: true,
  }),
  core({ resource: "configmaps", kind: "ConfigMap", namespaced: true, shortNames: ["cm"] }),
  core({ resource: "secrets", kind: "Secret", namespaced: true }),
  core({ resource: "serviceaccounts", kind: "ServiceAccount", namespaced: true, shortNames: ["sa"] }),
  core({ resource: "resourcequotas", kind: "ResourceQuota", namespaced: true, shortNames: ["quota"], status: true }),
  core({ resource: "limitranges", kind: "LimitRange", namespaced: true, shortNames: ["limits"] }),
  core({ resource: "events", kind: "Event", namespaced: true, shortNames: ["ev"] }),
  core({
    resource: "persistentvolumeclaims",
    kind: "PersistentVolumeClaim",
    namespaced: true,
    shortNames: ["pvc"],
    status: true,
  }),
  apps({ resource: "deployments", kind: "Deployment", namespaced: true, shortNames: ["deploy"], scale: true }),
  apps({ resource: "replicasets", kind: "ReplicaSet", namespaced: true, shortNames: ["rs"], scale: true }),
  apps({ resource: "statefulsets", kind: "StatefulSet", namespaced: true, shortNames: ["sts"], scale: true }),
  apps({ resource: "daemonsets", kind: "DaemonSet", namespaced: true, shortNames: ["ds"] }),
  batch({ resource: "jobs", kind: "Job", namespaced: true }),
  batch({ resource: "cronjobs", kind: "CronJob", namespaced: true, shortNames: ["cj"] }),
  define({
    group: "networking.k8s.io",
    version: "v1",
    resource: "networkpolicies",
    kind: "NetworkPolicy",
    namespaced: true,
    shortNames: ["netpol"],
    generation: true,
  }),
  define({
    group: "networking.k8s.io",
    version: "v1",
    resource: "ingresses",
    kind: "Ingress",
    namespaced: true,
    shortNames: ["ing"],
    generation: true,
    status: true,
  }),
  define({
    group: "apiextensions.k8s.io",
    version: "v1",
    resource: "customresourcedefinitions",
    kind: "CustomResourceDefinition",
    namespaced: false,
    shortNames: ["crd", "crds"],
    categories: ["api-extensions"],
    generation: true,
    status: true,
  }),
  {
    ...define({
      group: "authorization.k8s.io",
      version: "v1",
      resource: "selfsubjectaccessreviews",
      kind: "SelfSubjectAccessReview",
      namespaced: false,
    }),
    review: "access",
  },
  {
    ...define({
      group: "authentication.k8s.io",
      version: "v1",
      resource: "selfsubjectreviews",
      kind: "SelfSubjectReview",
      namespaced: false,
    }),
    review: "subject",
  },
  {
    ...define({ group: "metrics.k8s.io", version: "v1beta1", resource: "pods", kind: "PodMetrics", namespaced: true }),
    singular: "",
    metrics: "pods",
  },
  {
    ...define({
      group: "metrics.k8s.io",
      version: "v1beta1",
      resource: "nodes",
      kind: "NodeMetrics",
      namespaced: false,
    }),
    singular: "",
    metrics: "nodes",
  },
];

export const BUILTIN_GROUPS = [...new Set(BUILTIN_RESOURCES.map((r) => r.group))];

export function findBuiltin(group: string, resource: string): ResourceType | undefined {
  return BUILTIN_RESOURCES.find((r) => r.group === group && r.resource === resource);
}

export const NAMESPACES = BUILTIN_RESOURCES[0];
export const NODES = findBuiltin("", "nodes")!;
export const PODS = findBuiltin("", "pods")!;
export const SERVICES = findBuiltin("", "services")!;
export const SERVICE_ACCOUNTS = findBuiltin("", "serviceaccounts")!;
export const RESOURCE_QUOTAS = findBuiltin("", "resourcequotas")!;
export const LIMIT_RANGES = findBuiltin("", "limitranges")!;
export const EVENTS = findBuiltin("", "events")!;
export const PERSISTENT_VOLUME_CLAIMS = findBuiltin("", "persistentvolumeclaims")!;
export const DEPLOYMENTS = findBuiltin("apps", "deployments")!;
export const REPLICA_SETS = findBuiltin("apps", "replicasets")!;
export const STATEFUL_SETS = findBuiltin("apps", "statefulsets")!;
export const DAEMON_SETS = findBuiltin("apps", "daemonsets")!;
export const POD_METRICS = findBuiltin("metrics.k8s.io", "pods")!;
export const NODE_METRICS = findBuiltin("metrics.k8s.io", "nodes")!;
export const CRDS = findBuiltin("apiextensions.k8s.io", "customresourcedefinitions")!;
