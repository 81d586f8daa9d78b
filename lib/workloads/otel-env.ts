import type { V1EnvVar } from "@kubernetes/client-node";
import type { AppTelemetry } from "@/lib/db/schema";
import { RATIO_SAMPLERS } from "@/lib/tenancy/schemas";

/** The Secret holding an injected application's OTLP headers (its ingest token). */
export const otelSecretName = (app: string) => `${app}-otel`;
export const OTEL_HEADERS_KEY = "OTEL_EXPORTER_OTLP_HEADERS";
/** Facet's OTLP/HTTP receiver under its origin; SDKs append /v1/traces, /v1/metrics, /v1/logs. */
export const OTLP_PATH = "/api/otlp";

export interface OtelSite {
  /** Facet's origin as the cluster's pods reach it. */
  endpoint: string;
  environment: string;
}

/**
 * The OTEL_* variables of an injected application's containers (the SDKs' own names, read by
 * every OpenTelemetry SDK): where to export, with the token from the Secret, under which service
 * and resource attributes, sampled and propagated as chosen. Pod name and namespace come from the
 * downward API and are expanded into OTEL_RESOURCE_ATTRIBUTES by the kubelet ($(VAR) syntax).
 */
export function otelEnv(app: { name: string; telemetry: AppTelemetry }, site: OtelSite): V1EnvVar[] {
  const t = app.telemetry;
  const attributes = [
    "k8s.namespace.name=$(K8S_NAMESPACE_NAME)",
    "k8s.pod.name=$(K8S_POD_NAME)",
    `k8s.deployment.name=${app.name}`,
    `deployment.environment=${site.environment}`,
  ];
  return [
    { name: "K8S_NAMESPACE_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.namespace" } } },
    { name: "K8S_POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
    { name: "OTEL_SERVICE_NAME", value: app.name },
    { name: "OTEL_EXPORTER_OTLP_ENDPOINT", value: `${site.endpoint.replace(/\/+$/, "")}${OTLP_PATH}` },
    { name: "OTEL_EXPORTER_OTLP_PROTOCOL", value: "http/protobuf" },
    {
      name: OTEL_HEADERS_KEY,
      valueFrom: { secretKeyRef: { name: otelSecretName(app.name), key: OTEL_HEADERS_KEY } },
    },
    { name: "OTEL_RESOURCE_ATTRIBUTES", value: attributes.join(",") },
    { name: "OTEL_TRACES_SAMPLER", value: t.sampler },
    ...(RATIO_SAMPLERS.includes(t.sampler) && t.samplerArg !== null
      ? [{ name: "OTEL_TRACES_SAMPLER_ARG", value: String(t.samplerArg) }]
      : []),
    { name: "OTEL_PROPAGATORS", value: t.propagators.join(",") },
  ];
}

/** The header value the SDKs parse from OTEL_EXPORTER_OTLP_HEADERS (values URL-encoded). */
export const otlpHeaders = (token: string) => `Authorization=${encodeURIComponent(`Bearer ${token}`)}`;

export interface ShownEnvVar {
  name: string;
  /** The literal value, or where the kubelet takes it from. */
  value: string | null;
  from: string | null;
}

/** The injected variables as the application page lists them. */
export function shownOtelEnv(app: { name: string; telemetry: AppTelemetry | null }, site: OtelSite): ShownEnvVar[] {
  if (!app.telemetry) return [];
  return otelEnv({ name: app.name, telemetry: app.telemetry }, site).map((v) => ({
    name: v.name,
    value: v.value ?? null,
    from: v.valueFrom?.secretKeyRef
      ? `secret ${v.valueFrom.secretKeyRef.name}/${v.valueFrom.secretKeyRef.key}`
      : v.valueFrom?.fieldRef
        ? `field ${v.valueFrom.fieldRef.fieldPath}`
        : null,
  }));
}
