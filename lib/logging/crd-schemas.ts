import "server-only";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { MAX_ERRORS, type LoggingKind } from "./constants";
import { objectSchema } from "./json-schemas";
import type { PathSegment } from "./yaml-source";

export { CRDS, toJsonSchema, objectSchema, type CrdFile } from "./json-schemas";

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
