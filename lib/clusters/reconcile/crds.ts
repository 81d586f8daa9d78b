import type { KubernetesObject } from "@kubernetes/client-node";
import { FACET_GROUP, FACET_VERSION, MANAGED_BY } from "./labels";

const KINDS = [
  { kind: "Tenant", plural: "tenants", short: ["ften"] },
  { kind: "TenantResourceQuota", plural: "tenantresourcequotas", short: ["ftrq"] },
  { kind: "TenantNetworkPolicy", plural: "tenantnetworkpolicies", short: ["ftnp"] },
  { kind: "Environment", plural: "environments", short: ["fenv"] },
] as const;

export type FacetKind = (typeof KINDS)[number]["kind"];

/** The declared-state kinds, cluster-scoped: a cluster-wide record of what Facet decided. */
export const FACET_CRDS: KubernetesObject[] = KINDS.map(({ kind, plural, short }) => ({
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: `${plural}.${FACET_GROUP}`, labels: { ...MANAGED_BY } },
  spec: {
    group: FACET_GROUP,
    scope: "Cluster",
    names: { kind, plural, singular: kind.toLowerCase(), listKind: `${kind}List`, shortNames: [...short] },
    versions: [
      {
        name: FACET_VERSION,
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: "object",
            properties: {
              // client-node's model spells x-kubernetes-preserve-unknown-fields this way and serializes it back.
              spec: { type: "object", x_kubernetes_preserve_unknown_fields: true },
              status: { type: "object", x_kubernetes_preserve_unknown_fields: true },
            },
          },
        },
      },
    ],
  },
}));
