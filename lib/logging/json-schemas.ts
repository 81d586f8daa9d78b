// Safe to import from client components: the CRD schemas as JSON Schema, the same ones the
// server validates with, for the YAML editor (monaco-yaml) and for ajv.
import clusterflows from "./crds/clusterflows.json";
import clusteroutputs from "./crds/clusteroutputs.json";
import flows from "./crds/flows.json";
import outputs from "./crds/outputs.json";
import { LOGGING_API_VERSION, type LoggingKind } from "./constants";

/** One file of lib/logging/crds: names, scope and the v1beta1 schema of a CRD. */
export interface CrdFile {
  group: string;
  kind: string;
  plural: string;
  scope: string;
  version: string;
  shortNames: string[];
  categories: string[];
  printerColumns: { description: string; jsonPath: string; name: string; type: string }[];
  openAPIV3Schema: unknown;
}

export const CRDS: Record<LoggingKind, CrdFile> = {
  Flow: flows as CrdFile,
  Output: outputs as CrdFile,
  ClusterFlow: clusterflows as CrdFile,
  ClusterOutput: clusteroutputs as CrdFile,
};

type Schema = Record<string, unknown>;

/**
 * A CRD's structural schema as JSON Schema for ajv: x-kubernetes-* keys become what they mean,
 * and objects with declared properties refuse unknown fields (the API server would prune them
 * silently; a typo such as `selct` must be an error at its line instead).
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== "object") return node;
  const input = node as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith("x-kubernetes-")) continue;
    if (key === "properties") {
      out.properties = Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, toJsonSchema(v)]));
    } else if (key === "enum" || key === "required" || key === "default" || key === "example") {
      out[key] = value;
    } else out[key] = toJsonSchema(value);
  }
  if (input["x-kubernetes-int-or-string"]) {
    delete out.type;
    out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  const preserve = input["x-kubernetes-preserve-unknown-fields"] === true;
  if (out.properties && out.additionalProperties === undefined && !preserve) out.additionalProperties = false;
  return out;
}

const DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

/** The whole object: the CRD's schema plus what the API server itself checks on metadata. */
export function objectSchema(kind: LoggingKind): Schema {
  const base = toJsonSchema(CRDS[kind].openAPIV3Schema) as Schema;
  const properties = { ...(base.properties as Schema) };
  delete properties.status;
  return {
    ...base,
    type: "object",
    required: ["apiVersion", "kind", "metadata", "spec"],
    properties: {
      ...properties,
      apiVersion: { const: LOGGING_API_VERSION },
      kind: { const: kind },
      metadata: {
        type: "object",
        required: ["name"],
        properties: {
          name: { type: "string", minLength: 1, maxLength: 253, pattern: DNS_SUBDOMAIN },
          namespace: { type: "string" },
          labels: { type: "object", additionalProperties: { type: "string" } },
          annotations: { type: "object", additionalProperties: { type: "string" } },
          resourceVersion: { type: "string" },
        },
      },
      // Status belongs to the operator; a copy pasted back from `kubectl get -o yaml` is ignored.
      status: {},
    },
    additionalProperties: false,
  };
}
