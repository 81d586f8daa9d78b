import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import type { StatusCause } from "./k8s-error";
import type { JsonObject, K8sObject, ResourceType } from "./types";
import { isObject } from "./util";

// What kube-apiserver does with a custom object against its CRD's structural schema: drop
// fields the schema does not know (pruning), fill in defaults, then validate (422 on failure).
// apiVersion, kind and metadata are the server's own and never pruned.

type Schema = JsonObject;

const ROOT_KEEP = new Set(["apiVersion", "kind", "metadata"]);

// The second spelling is what a CRD holds when it was sent through client-node's untyped
// objects API, whose model names the field that way; kube-apiserver never sees it, so honour both.
const preserves = (schema: Schema) =>
  schema["x-kubernetes-preserve-unknown-fields"] === true || schema.x_kubernetes_preserve_unknown_fields === true;

function walk(schema: Schema | undefined, value: unknown, path: string, pruned: string[], root = false): void {
  if (!schema) return;
  if (Array.isArray(value)) {
    const items = schema.items as Schema | undefined;
    value.forEach((v, i) => walk(items, v, `${path}[${i}]`, pruned));
    return;
  }
  if (!isObject(value)) return;
  const properties = schema.properties as Record<string, Schema> | undefined;
  const additional = schema.additionalProperties;
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (root && ROOT_KEEP.has(key)) continue;
    const known = properties?.[key];
    if (known) walk(known, value[key], at, pruned);
    else if (isObject(additional)) walk(additional, value[key], at, pruned);
    else if (additional !== true && !preserves(schema)) {
      pruned.push(at);
      delete value[key];
    }
  }
  for (const [key, sub] of Object.entries(properties ?? {})) {
    if (value[key] === undefined && sub.default !== undefined) value[key] = structuredClone(sub.default);
  }
}

/** Prunes unknown fields and applies defaults in place; returns the pruned paths. */
export function pruneAndDefault(type: ResourceType, object: K8sObject): string[] {
  const pruned: string[] = [];
  if (type.schema) walk(type.schema, object, "", pruned, true);
  return pruned;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map<string, ValidateFunction | null>();

function validatorFor(type: ResourceType): ValidateFunction | null {
  if (!type.schema) return null;
  const key = `${type.group}/${type.resource}/${type.schemaKey ?? ""}`;
  if (compiled.has(key)) return compiled.get(key)!;
  let fn: ValidateFunction | null;
  try {
    // metadata is validated by the server's own rules, not the CRD's.
    const properties = { ...((type.schema.properties as JsonObject | undefined) ?? {}), metadata: {} };
    fn = ajv.compile({ ...type.schema, properties });
  } catch {
    // A schema ajv cannot compile validates nothing rather than failing every write.
    fn = null;
  }
  if (compiled.size > 200) compiled.clear();
  compiled.set(key, fn);
  return fn;
}

/** `/spec/filters/0/grep` → `spec.filters[0].grep`, reading the object to tell indices from keys. */
function fieldPath(object: unknown, pointer: string): string {
  let out = "";
  let at: unknown = object;
  for (const raw of pointer.split("/").slice(1)) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(at)) {
      out += `[${part}]`;
      at = at[Number(part)];
    } else {
      out += out ? `.${part}` : part;
      at = isObject(at) ? at[part] : undefined;
    }
  }
  return out;
}

function valueAt(object: unknown, pointer: string): unknown {
  let at: unknown = object;
  for (const raw of pointer.split("/").slice(1)) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    at = Array.isArray(at) ? at[Number(part)] : isObject(at) ? at[part] : undefined;
  }
  return at;
}

const goType = (v: unknown) =>
  v === null
    ? "null"
    : Array.isArray(v)
      ? "array"
      : typeof v === "number"
        ? Number.isInteger(v)
          ? "integer"
          : "number"
        : typeof v;

const quote = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v ?? null));

function causeOf(object: K8sObject, e: ErrorObject): StatusCause {
  const field = fieldPath(object, e.instancePath);
  const value = valueAt(object, e.instancePath);
  switch (e.keyword) {
    case "required": {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return {
        reason: "FieldValueRequired",
        message: "Required value",
        field: field ? `${field}.${missing}` : missing,
      };
    }
    case "type": {
      const wanted = (e.params as { type: string | string[] }).type;
      return {
        reason: "FieldValueTypeInvalid",
        message: `Invalid value: "${goType(value)}": ${field} in body must be of type ${[wanted].flat().join(",")}: ${quote(value)}`,
        field,
      };
    }
    case "enum": {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      return {
        reason: "FieldValueNotSupported",
        message: `Unsupported value: ${quote(value)}: supported values: ${allowed.map(quote).join(", ")}`,
        field,
      };
    }
    default:
      return {
        reason: "FieldValueInvalid",
        message: `Invalid value: ${quote(value)}: ${field} in body ${e.message ?? "is invalid"}`,
        field,
      };
  }
}

/** The causes of a 422 for an object its CRD's schema refuses (none when it fits). */
export function schemaCauses(type: ResourceType, object: K8sObject): StatusCause[] {
  const validate = validatorFor(type);
  if (!validate || validate(object)) return [];
  return (validate.errors ?? []).map((e) => causeOf(object, e));
}
