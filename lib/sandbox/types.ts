// Shapes shared across the sandbox: objects are plain JSON, typed only where we read them.

export type JsonObject = Record<string, unknown>;

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: OwnerReference[];
  [key: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: JsonObject;
  status?: JsonObject;
  [key: string]: unknown;
}

export interface ScaleSubresource {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  priority?: number;
  format?: string;
}

/** One servable resource (built in or from a CRD). Objects are stored once per group/resource. */
export interface ResourceType {
  group: string;
  /** Served versions; the first is the preferred and storage version. */
  versions: string[];
  resource: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  /** Kubernetes sets metadata.generation for this kind and bumps it on spec changes. */
  hasGeneration: boolean;
  status: boolean;
  scale?: ScaleSubresource;
  /** Pods only: the log subresource. */
  log?: boolean;
  printerColumns?: PrinterColumn[];
  /** CRDs: the storage version's openAPIV3Schema, and a key that changes whenever it may have. */
  schema?: JsonObject;
  schemaKey?: string;
  /** Served from a CustomResourceDefinition (merge patches only, no strategic merge). */
  custom: boolean;
  /** Create-only review kinds answered at once and never stored (kubectl auth can-i / whoami). */
  review?: "access" | "subject";
  /** metrics.k8s.io kinds: read-only, computed from the simulated kubelet, never stored. */
  metrics?: "pods" | "nodes";
}

export const ALL_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

/** `pods` for the core group, `deployments.apps` otherwise: how Kubernetes names resources in messages. */
export function qualifiedResource(type: Pick<ResourceType, "group" | "resource">): string {
  return type.group ? `${type.resource}.${type.group}` : type.resource;
}

/** `Pod`, `Deployment.apps`: the group-kind used in "is invalid" messages. */
export function qualifiedKind(type: Pick<ResourceType, "group" | "kind">): string {
  return type.group ? `${type.kind}.${type.group}` : type.kind;
}

export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}
