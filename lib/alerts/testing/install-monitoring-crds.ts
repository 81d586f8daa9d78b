// Test helper: makes a sandbox (or any cluster reachable with a bearer token) serve
// Prometheus-Operator's PrometheusRule and AlertmanagerConfig, with the schemas Facet checks.
import alertmanagerConfigs from "../crds/alertmanagerconfigs.json";
import prometheusRules from "../crds/prometheusrules.json";

export async function installMonitoringCrds(access: { server: string; token: string }): Promise<void> {
  for (const file of [prometheusRules, alertmanagerConfigs]) {
    const res = await fetch(
      `${access.server.replace(/\/+$/, "")}/apis/apiextensions.k8s.io/v1/customresourcedefinitions`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${access.token}`, "content-type": "application/json" },
        body: JSON.stringify({
          apiVersion: "apiextensions.k8s.io/v1",
          kind: "CustomResourceDefinition",
          metadata: { name: `${file.plural}.${file.group}` },
          spec: {
            group: file.group,
            scope: "Namespaced",
            names: {
              plural: file.plural,
              singular: file.kind.toLowerCase(),
              kind: file.kind,
              listKind: `${file.kind}List`,
            },
            versions: [
              { name: file.version, served: true, storage: true, schema: { openAPIV3Schema: file.openAPIV3Schema } },
            ],
          },
        }),
      },
    );
    if (res.status !== 201 && res.status !== 200 && res.status !== 409)
      throw new Error(`CRD ${file.plural}: ${res.status} ${await res.text()}`);
  }
}
