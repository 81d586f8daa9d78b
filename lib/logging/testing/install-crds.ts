// Test helper: makes a sandbox (or any cluster reachable with a bearer token) look like one with
// the Logging Operator installed: the four CRDs, `loggings`, the control namespace and a
// Logging `facet` naming it. Idempotent: what exists already (e.g. from the sandbox's own
// bootstrap) is left as it is.
import { CRDS } from "../json-schemas";
import { CONTROL_NAMESPACE, LOGGING_API_VERSION, LOGGING_GROUP, LOGGING_KINDS, LOGGING_VERSION } from "../constants";

export interface KubeAccess {
  /** e.g. http://127.0.0.1:1234/sandbox/k8s */
  server: string;
  token: string;
}

async function ensure(access: KubeAccess, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${access.server.replace(/\/+$/, "")}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${access.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 201 && res.status !== 200 && res.status !== 409)
    throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
}

const crd = (plural: string, kind: string, scope: "Namespaced" | "Cluster", schema: unknown) => ({
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: `${plural}.${LOGGING_GROUP}` },
  spec: {
    group: LOGGING_GROUP,
    scope,
    names: { plural, singular: kind.toLowerCase(), kind, listKind: `${kind}List`, categories: ["logging-all"] },
    versions: [
      {
        name: LOGGING_VERSION,
        served: true,
        storage: true,
        schema: { openAPIV3Schema: schema },
        subresources: { status: {} },
      },
    ],
  },
});

export async function installLoggingCrds(access: KubeAccess): Promise<void> {
  const crdPath = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
  for (const kind of LOGGING_KINDS) {
    const file = CRDS[kind];
    await ensure(access, crdPath, crd(file.plural, file.kind, "Namespaced", file.openAPIV3Schema));
  }
  await ensure(
    access,
    crdPath,
    crd("loggings", "Logging", "Cluster", { type: "object", "x-kubernetes-preserve-unknown-fields": true }),
  );
  await ensure(access, "/api/v1/namespaces", {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: CONTROL_NAMESPACE },
  });
  await ensure(access, `/apis/${LOGGING_GROUP}/${LOGGING_VERSION}/loggings`, {
    apiVersion: LOGGING_API_VERSION,
    kind: "Logging",
    metadata: { name: "facet" },
    spec: { controlNamespace: CONTROL_NAMESPACE },
  });
}
