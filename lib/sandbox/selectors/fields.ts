import { badRequest } from "../k8s-error";
import type { JsonObject } from "../types";

// Field selectors (k8s.io/apimachinery/pkg/fields): `path=value`, `path==value`, `path!=value`,
// comma-separated, with `\` escaping `,`, `=` and `!` inside values. Any dotted path is accepted
// (Kubernetes allows a fixed list per kind; this is a superset of it).

export interface FieldRequirement {
  path: string;
  equals: boolean;
  value: string;
}

export type FieldSelector = FieldRequirement[];

function splitUnescaped(input: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch === "\\" && i + 1 < input.length) {
      current += ch + input[++i];
    } else if (ch === ",") {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.filter((p) => p !== "");
}

const unescape = (s: string) => s.replace(/\\(.)/g, "$1");

export function parseFieldSelector(input: string | null | undefined): FieldSelector {
  if (!input) return [];
  return splitUnescaped(input).map((term) => {
    const match = /^([^=!]+?)\s*(!=|==|=)(.*)$/.exec(term);
    if (!match)
      throw badRequest(
        `invalid field selector: '${term}' is not a valid field selector: it must contain one of "=", "==", "!="`,
      );
    return { path: match[1].trim(), equals: match[2] !== "!=", value: unescape(match[3]) };
  });
}

export function fieldValue(object: JsonObject, path: string): string {
  let current: unknown = object;
  for (const part of path.split(".")) {
    if (current === null || typeof current !== "object") return "";
    current = (current as JsonObject)[part];
  }
  if (current === undefined || current === null) return "";
  return typeof current === "object" ? JSON.stringify(current) : String(current);
}

export function matchesFields(selector: FieldSelector, object: JsonObject): boolean {
  return selector.every(({ path, equals, value }) => (fieldValue(object, path) === value) === equals);
}
