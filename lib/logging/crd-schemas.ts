import "server-only";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import clusterflows from "./crds/clusterflows.json";
import clusteroutputs from "./crds/clusteroutputs.json";
import flows from "./crds/flows.json";
import outputs from "./crds/outputs.json";
import { LOGGING_API_VERSION, MAX_ERRORS, type LoggingKind } from "./constants";
import type { PathSegment } from "./yaml-source";

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

// Unoptimized code compiles the 140 KB Output schema in half the time; one document's check is fast either way.
const ajv = new Ajv({ allErrors: true, strict: false, code: { optimize: false } });
const compiled = new Map<LoggingKind, ValidateFunction>();

function validatorFor(kind: LoggingKind): ValidateFunction {
  let fn = compiled.get(kind);
  if (!fn) {
    fn = ajv.compile(objectSchema(kind));
    compiled.set(kind, fn);
  }
  return fn;
}

export interface SchemaIssue {
  segments: PathSegment[];
  /** True when the issue is about a key (an unknown field), not its value. */
  key: boolean;
  message: string;
}

function segmentsOf(instancePath: string): PathSegment[] {
  return instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(error: ErrorObject): SchemaIssue {
  const segments = segmentsOf(error.instancePath);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return {
        segments: [...segments, String(p.additionalProperty)],
        key: true,
        message: `unknown field "${String(p.additionalProperty)}"`,
      };
    case "required":
      return { segments, key: false, message: `missing required field "${String(p.missingProperty)}"` };
    case "type":
      return { segments, key: false, message: `must be ${article(String(p.type))}` };
    case "const":
      return { segments, key: false, message: `must be ${JSON.stringify(p.allowedValue)}` };
    case "enum":
      return {
        segments,
        key: false,
        message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`,
      };
    case "pattern":
      return { segments, key: false, message: "must be a lowercase DNS name (a-z, 0-9, '-' and '.')" };
    default:
      return { segments, key: false, message: error.message ?? "is not valid" };
  }
}

const article = (type: string) =>
  type.includes(",") ? `one of: ${type}` : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;

/** Checks a value against its kind's schema; at most MAX_ERRORS issues, unique by path. */
export function schemaIssues(kind: LoggingKind, value: unknown): SchemaIssue[] {
  const validate = validatorFor(kind);
  if (validate(value)) return [];
  const seen = new Set<string>();
  const out: SchemaIssue[] = [];
  for (const error of validate.errors ?? []) {
    // anyOf/oneOf summaries repeat what their branches said.
    if (error.keyword === "anyOf" || error.keyword === "oneOf" || error.keyword === "if") continue;
    const issue = describe(error);
    const id = `${issue.segments.join("/")}|${issue.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(issue);
    if (out.length >= MAX_ERRORS) break;
  }
  return out;
}
