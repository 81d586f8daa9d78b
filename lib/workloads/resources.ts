// Safe to import from client components: the kinds a tenant may view and edit as YAML.
export const EDITABLE = {
  deployments: { apiVersion: "apps/v1", kind: "Deployment" },
  statefulsets: { apiVersion: "apps/v1", kind: "StatefulSet" },
  daemonsets: { apiVersion: "apps/v1", kind: "DaemonSet" },
  replicasets: { apiVersion: "apps/v1", kind: "ReplicaSet" },
  jobs: { apiVersion: "batch/v1", kind: "Job" },
  cronjobs: { apiVersion: "batch/v1", kind: "CronJob" },
  pods: { apiVersion: "v1", kind: "Pod" },
  services: { apiVersion: "v1", kind: "Service" },
  configmaps: { apiVersion: "v1", kind: "ConfigMap" },
  secrets: { apiVersion: "v1", kind: "Secret" },
  persistentvolumeclaims: { apiVersion: "v1", kind: "PersistentVolumeClaim" },
  ingresses: { apiVersion: "networking.k8s.io/v1", kind: "Ingress" },
} as const;

export type EditableResource = keyof typeof EDITABLE;
export const EDITABLE_RESOURCES = Object.keys(EDITABLE) as EditableResource[];

/** The kinds listed (paged) and created from YAML on the environment page, in picker order. */
export const LISTABLE_RESOURCES = [
  "statefulsets",
  "daemonsets",
  "jobs",
  "cronjobs",
  "ingresses",
  "configmaps",
  "secrets",
  "persistentvolumeclaims",
] as const satisfies readonly EditableResource[];
export type ListableResource = (typeof LISTABLE_RESOURCES)[number];

/** What stands in for a Secret value everywhere but the audited reveal; sent back, it keeps the live value. */
export const HIDDEN_VALUE = "[hidden]";
export const CHANGED_VALUE = "[hidden, changed]";
