// Safe to import from client components: the settings an exporting service needs to send to Facet.

/** Stands for the namespace a cluster-wide token's resource must name; the user fills it in. */
export const NAMESPACE_PLACEHOLDER = "<namespace>";

/**
 * The standard OpenTelemetry SDK variables for exporting to Facet with an ingest token. The
 * header value is percent-encoded, as the spec's W3C-baggage format for OTEL_EXPORTER_OTLP_HEADERS
 * asks, so the line also survives shells and .env files unquoted.
 */
export function otlpExporterEnv({
  origin,
  token,
  namespace,
}: {
  origin: string;
  token: string;
  namespace: string | null;
}): string {
  return [
    `OTEL_EXPORTER_OTLP_ENDPOINT=${origin.replace(/\/+$/, "")}/api/otlp`,
    `OTEL_EXPORTER_OTLP_HEADERS=Authorization=${encodeURIComponent(`Bearer ${token}`)}`,
    `OTEL_RESOURCE_ATTRIBUTES=k8s.namespace.name=${namespace ?? NAMESPACE_PLACEHOLDER}`,
  ].join("\n");
}
