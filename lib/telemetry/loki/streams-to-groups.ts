import type { Attributes, OtlpLogRecord, ResourceGroup } from "../otlp/model";
import { severityFromText } from "../severity";
import type { LokiStream } from "./stream";

// Loki clients name the same things differently: Promtail's and the Logging Operator's
// Kubernetes labels, Alloy's and OTel's k8s_* labels, Loki 3's service_name discovery order.
const NAMESPACE = ["namespace", "k8s_namespace_name", "namespace_name", "kubernetes_namespace_name"];
const POD = ["pod", "k8s_pod_name", "pod_name", "kubernetes_pod_name"];
const CONTAINER = ["container", "k8s_container_name", "container_name", "kubernetes_container_name"];
const SERVICE = [
  "service_name",
  "service",
  "app",
  "application",
  "app_kubernetes_io_name",
  "k8s_deployment_name",
  "name",
  "job",
  ...CONTAINER,
];
const LEVEL = ["level", "detected_level", "severity", "lvl"];

const TRACE_ID = /^[0-9a-f]{32}$/i;
const SPAN_ID = /^[0-9a-f]{16}$/i;
const hexId = (value: string | undefined, pattern: RegExp) =>
  value && pattern.test(value) && !/^0+$/.test(value) ? Buffer.from(value, "hex") : null;

const first = (labels: Record<string, string>, keys: string[]): string | undefined => {
  for (const key of keys) if (labels[key]) return labels[key];
  return undefined;
};

/** A stream's label set as an OTLP resource: the Kubernetes identity by OTel's names, the rest as they came. */
export function streamResource(labels: Record<string, string>): Attributes {
  const resource: Attributes = {};
  for (const [key, value] of Object.entries(labels)) if (!LEVEL.includes(key)) resource[key] = value;
  const namespace = first(labels, NAMESPACE);
  const pod = first(labels, POD);
  const container = first(labels, CONTAINER);
  if (namespace) resource["k8s.namespace.name"] = namespace;
  if (pod) resource["k8s.pod.name"] = pod;
  if (container) resource["k8s.container.name"] = container;
  resource["service.name"] = first(labels, SERVICE) ?? "unknown_service";
  return resource;
}

/** Streams as the resource groups the log ingest path takes; entries keep their metadata as attributes. */
export function streamsToGroups(streams: LokiStream[]): ResourceGroup<OtlpLogRecord>[] {
  return streams.map((stream) => {
    const streamLevel = first(stream.labels, LEVEL);
    return {
      resource: streamResource(stream.labels),
      items: stream.entries.map((entry) => {
        const level = first(entry.metadata, LEVEL) ?? streamLevel ?? "";
        return {
          scope: { name: "", version: "" },
          item: {
            timeNs: entry.timeNs,
            observedNs: 0,
            severityNumber: severityFromText(level),
            severityText: level,
            body: entry.line,
            attributes: entry.metadata,
            // Structured metadata may carry the trace (Alloy, OTel-to-Loki): keep the link to it.
            traceId: hexId(first(entry.metadata, ["trace_id", "traceID", "traceid"]), TRACE_ID),
            spanId: hexId(first(entry.metadata, ["span_id", "spanID", "spanid"]), SPAN_ID),
            eventName: "",
          },
        };
      }),
    };
  });
}
