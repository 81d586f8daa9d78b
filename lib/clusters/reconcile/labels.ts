// Labels Facet puts on what it manages, so that it can find (and leave) its own objects.
export const MANAGED_BY = { "app.kubernetes.io/managed-by": "facet" } as const;
export const LABEL = {
  tenant: "facet.dev/tenant",
  project: "facet.dev/project",
  environment: "facet.dev/environment",
  application: "facet.dev/application",
} as const;

export const FACET_GROUP = "facet.dev";
export const FACET_VERSION = "v1";
