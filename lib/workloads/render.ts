import type { KubernetesObject } from "@kubernetes/client-node";
import type { AppEnvVar, AppPort, AppResources, AppTelemetry } from "@/lib/db/schema";
import { LABEL, MANAGED_BY } from "@/lib/clusters/reconcile/labels";
import { otelEnv, type OtelSite } from "./otel-env";

export interface ApplicationSpec {
  name: string;
  image: string;
  replicas: number;
  ports: AppPort[];
  env: AppEnvVar[];
  resources: AppResources;
  telemetry?: AppTelemetry | null;
}

export function selectorLabels(app: string): Record<string, string> {
  return { "app.kubernetes.io/name": app, [LABEL.application]: app };
}

/** The Deployment an application becomes; replicas follow the application record. With
 *  telemetry on, the OTEL_* variables for `site` follow the application's own. */
export function renderDeployment(
  app: ApplicationSpec,
  namespace: string,
  envLabels: Record<string, string>,
  site?: OtelSite,
): KubernetesObject {
  const injected = app.telemetry && site ? otelEnv({ name: app.name, telemetry: app.telemetry }, site) : [];
  const labels = { ...envLabels, ...MANAGED_BY, ...selectorLabels(app.name) };
  const resources = Object.keys(app.resources ?? {}).length ? app.resources : undefined;
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: app.name, namespace, labels },
    spec: {
      replicas: app.replicas,
      selector: { matchLabels: selectorLabels(app.name) },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: app.name,
              image: app.image,
              ports: app.ports.map((p) => ({ name: p.name, containerPort: p.port, protocol: "TCP" })),
              env: [...app.env.map((e) => ({ name: e.name, value: e.value })), ...injected],
              ...(resources && { resources }),
            },
          ],
        },
      },
    },
  } as KubernetesObject;
}

/** A ClusterIP Service over the application's ports, or none when it has no port. */
export function renderService(
  app: ApplicationSpec,
  namespace: string,
  envLabels: Record<string, string>,
): KubernetesObject | null {
  if (!app.ports.length) return null;
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: app.name, namespace, labels: { ...envLabels, ...MANAGED_BY, ...selectorLabels(app.name) } },
    spec: {
      type: "ClusterIP",
      selector: selectorLabels(app.name),
      ports: app.ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.port, protocol: "TCP" })),
    },
  } as KubernetesObject;
}
