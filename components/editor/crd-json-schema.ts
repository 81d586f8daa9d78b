// Safe to import from client components (pure): a CRD's openAPIV3Schema as the JSON Schema
// monaco-yaml validates with while the user types.

type Node = Record<string, unknown>;

export interface CrdDocument {
  group: string;
  kind: string;
  version: string;
  scope: string;
  openAPIV3Schema: Node;
}

/** Hover docs, by path ("[]" = any item): upstream ships its CRDs without descriptions. */
const DOCS: Record<string, string> = {
  apiVersion: "Always logging.banzaicloud.io/v1beta1.",
  kind: "The kind of this object.",
  "metadata.name": "Lower-case letters, digits, '-' and '.', at most 253 characters.",
  "metadata.namespace": "For a Flow or Output: the environment's namespace (Facet sets it).",
  spec: "What to collect (Flow) or where to send it (Output).",
  "spec.match":
    "Which pods' logs this flow collects, evaluated in order: the first matching select or exclude wins. Leave the key out to collect the whole namespace; an empty list is refused.",
  "spec.match[]": "Exactly one of select or exclude.",
  "spec.match[].select": "Collect the logs of pods matching all of these keys.",
  "spec.match[].exclude": "Skip the logs of pods matching all of these keys.",
  "spec.match[].select.labels": "Pod labels that must all match, e.g. app: web.",
  "spec.match[].exclude.labels": "Pod labels that must all match, e.g. app: healthcheck.",
  "spec.match[].select.container_names": "Only these containers of the matched pods.",
  "spec.match[].exclude.container_names": "Skip these containers.",
  "spec.match[].select.hosts": "Only pods on these nodes.",
  "spec.match[].exclude.hosts": "Skip pods on these nodes.",
  "spec.match[].select.namespaces": "Namespaces to collect from (ClusterFlow).",
  "spec.match[].exclude.namespaces": "Namespaces to skip (ClusterFlow).",
  "spec.filters": "Filters applied in order to every collected line; each item has exactly one filter key.",
  "spec.filters[]": "One filter: parser, grep, prometheus, geoip, throttle, detectExceptions, record_modifier, …",
  "spec.filters[].parser": "Parses a field of the record (e.g. JSON) into fields.",
  "spec.filters[].parser.key_name": "The field to parse (default: message).",
  "spec.filters[].grep": "Keeps (regexp) or drops (exclude) records whose key matches a pattern.",
  "spec.filters[].grep.regexp": "Keep only records where key matches pattern.",
  "spec.filters[].grep.exclude": "Drop records where key matches pattern.",
  "spec.filters[].prometheus": "Counts records as Prometheus metrics (the Logging tab's lines/s chart).",
  "spec.filters[].geoip": "Adds the location of IP addresses found in the named keys.",
  "spec.filters[].geoip.geoip_lookup_keys": "Comma-separated record keys holding IP addresses (default: host).",
  "spec.filters[].throttle": "Limits lines per pod over a period; the rest is dropped.",
  "spec.filters[].throttle.group_key": "What a bucket counts per, e.g. kubernetes.pod_name.",
  "spec.filters[].throttle.group_bucket_period_s": "The period in seconds (default 60).",
  "spec.filters[].throttle.group_bucket_limit": "Lines allowed per bucket and period.",
  "spec.filters[].detectExceptions": "Joins the lines of a multi-line stack trace into one record.",
  "spec.filters[].record_modifier": "Adds or removes record fields.",
  "spec.localOutputRefs": "Names of Outputs in this namespace to send to.",
  "spec.globalOutputRefs": "Names of ClusterOutputs (in the control namespace) to send to.",
  "spec.loki": "Send to Grafana Loki (or to Facet, which speaks Loki push).",
  "spec.loki.url": "The Loki base URL, e.g. https://loki.example.com.",
  "spec.elasticsearch": "Send to Elasticsearch.",
  "spec.kafka": "Send to Kafka.",
  "spec.kafka.brokers": "Comma-separated host:port list.",
  "spec.http": "POST records to an HTTP endpoint.",
  "spec.http.endpoint": "The URL records are posted to.",
  status: "Written by the operator; ignored when submitted.",
};

const DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

function convert(node: unknown, path: string): unknown {
  if (Array.isArray(node)) return node.map((n) => convert(n, path));
  if (!node || typeof node !== "object") return node;
  const src = node as Node;
  const out: Node = {};
  for (const [key, value] of Object.entries(src)) {
    if (key.startsWith("x-kubernetes-") || key === "nullable") continue;
    if (key === "properties" && value && typeof value === "object") {
      out.properties = Object.fromEntries(
        Object.entries(value as Node).map(([name, child]) => [name, convert(child, path ? `${path}.${name}` : name)]),
      );
    } else if (key === "items") {
      out.items = convert(value, `${path}[]`);
    } else if (key === "additionalProperties" && value && typeof value === "object") {
      out.additionalProperties = convert(value, `${path}.*`);
    } else {
      out[key] = convert(value, path);
    }
  }
  if (src["x-kubernetes-int-or-string"]) {
    delete out.type;
    out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  if (src.nullable && typeof out.type === "string") out.type = [out.type, "null"];
  // Unknown keys are pruned silently by the API server: a typo would drop a setting unseen.
  const open = src["x-kubernetes-preserve-unknown-fields"] || "additionalProperties" in src;
  if (src.properties && !open) out.additionalProperties = false;
  if (DOCS[path] && !out.description) out.description = DOCS[path];
  return out;
}

/** The JSON Schema of one logging CRD, stricter than the API server where the server would
 *  silently drop or misread: unknown keys, an empty or ambiguous match, a filter item with
 *  more than one filter. */
export function crdJsonSchema(crd: CrdDocument): Node {
  const root = convert(crd.openAPIV3Schema, "") as Node;
  const props = { ...((root.properties as Node | undefined) ?? {}) };
  props.apiVersion = { type: "string", const: `${crd.group}/${crd.version}`, description: DOCS.apiVersion };
  props.kind = { type: "string", const: crd.kind, description: DOCS.kind };
  props.metadata = {
    type: "object",
    description: "The object's name (and, for namespaced kinds, namespace).",
    required: ["name"],
    properties: {
      name: { type: "string", pattern: DNS_SUBDOMAIN, maxLength: 253, description: DOCS["metadata.name"] },
      namespace: { type: "string", description: DOCS["metadata.namespace"] },
      labels: { type: "object", additionalProperties: { type: "string" } },
      annotations: { type: "object", additionalProperties: { type: "string" } },
      resourceVersion: { type: "string" },
    },
  };
  // The operator's; the server ignores a pasted copy, so the editor accepts any.
  props.status = { description: DOCS.status };
  const spec = props.spec as Node | undefined;
  const specProps = spec?.properties as Node | undefined;
  const match = specProps?.match as Node | undefined;
  if (match) {
    match.minItems = 1;
    const item = match.items as Node;
    item.minProperties = 1;
    item.maxProperties = 1;
  }
  const filters = specProps?.filters as Node | undefined;
  if (filters) {
    const item = filters.items as Node;
    item.minProperties = 1;
    item.maxProperties = 1;
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: crd.kind,
    ...root,
    type: "object",
    required: ["apiVersion", "kind", "metadata", "spec"],
    properties: props,
  };
}

/** The editor model name for a kind: monaco-yaml picks the schema by its suffix. */
export const schemaFileSuffix = (kind: string) => `.${kind.toLowerCase()}.logging.yaml`;
