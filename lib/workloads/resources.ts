// Safe to import from client components: the kinds a tenant may view and edit as YAML.
export const EDITABLE = {
  deployments: { apiVersion: "apps/v1", kind: "Deployment" },
  statefulsets: { apiVersion: "apps/v1", kind: "StatefulSet" },
  replicasets: { apiVersion: "apps/v1", kind: "ReplicaSet" },
  pods: { apiVersion: "v1", kind: "Pod" },
  services: { apiVersion: "v1", kind: "Service" },
  configmaps: { apiVersion: "v1", kind: "ConfigMap" },
  ingresses: { apiVersion: "networking.k8s.io/v1", kind: "Ingress" },
} as const;

export type EditableResource = keyof typeof EDITABLE;
export const EDITABLE_RESOURCES = Object.keys(EDITABLE) as EditableResource[];
