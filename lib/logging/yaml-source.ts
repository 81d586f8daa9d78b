import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
} from "yaml";
import { describeYamlError } from "@/lib/yaml/first-yaml-error";
import { MAX_ALIAS_COUNT, MAX_YAML_BYTES } from "./constants";

/** One problem in a submitted document: where it is (1-based; null line only if nowhere) and what. */
export interface YamlIssue {
  path: string;
  line: number | null;
  column: number | null;
  message: string;
}

export type PathSegment = string | number;

/** `["spec", "filters", 0, "grep"]` → `spec.filters[0].grep`. */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>((out, s) => (typeof s === "number" ? `${out}[${s}]` : out ? `${out}.${s}` : s), "");
}

export interface ParsedYaml {
  doc: Document.Parsed;
  lines: LineCounter;
  value: unknown;
}

/**
 * Parses exactly one YAML document, bounded: size, alias expansion, duplicate keys are errors.
 * Returns the value and what locates its nodes, or the issues that stopped it.
 */
export function parseYamlSource(text: string): { ok: true; parsed: ParsedYaml } | { ok: false; issues: YamlIssue[] } {
  if (Buffer.byteLength(text, "utf8") > MAX_YAML_BYTES)
    return {
      ok: false,
      issues: [{ path: "", line: null, column: null, message: "The document is larger than 1 MiB." }],
    };
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [];
  const issues: YamlIssue[] = [];
  for (const doc of list)
    for (const error of doc.errors) {
      const at = describeYamlError(error);
      issues.push({ path: "", line: at.line, column: at.column, message: at.message });
    }
  if (issues.length) return { ok: false, issues };
  const real = list.filter((d) => d.contents !== null);
  if (real.length !== 1) {
    const second = real[1]?.contents?.range?.[0];
    const at = second === undefined ? null : lines.linePos(second);
    return {
      ok: false,
      issues: [
        {
          path: "",
          line: at?.line ?? (real.length ? null : 1),
          column: at?.col ?? (real.length ? null : 1),
          message: real.length
            ? "Send one object per request; this YAML holds several documents."
            : "The YAML is empty.",
        },
      ],
    };
  }
  const doc = real[0];
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // Alias expansion beyond the bound ("billion laughs"): blame the first alias.
    const alias = firstAlias(doc.contents);
    const at = alias ? lines.linePos(alias) : { line: 1, col: 1 };
    return {
      ok: false,
      issues: [
        {
          path: "",
          line: at.line,
          column: at.col,
          message: `Too many alias expansions (more than ${MAX_ALIAS_COUNT}): ${(error as Error).message}.`,
        },
      ],
    };
  }
  return { ok: true, parsed: { doc, lines, value } };
}

function firstAlias(node: unknown): number | null {
  if (!node || typeof node !== "object") return null;
  if (isAlias(node)) return node.range?.[0] ?? null;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      const found = isPair(item) ? (firstAlias(item.key) ?? firstAlias(item.value)) : firstAlias(item);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * The position of a path in the document: the value node there, or (`key: true`) its key, or the
 * deepest existing ancestor when the path goes beyond what was written (a missing field).
 */
export function locate(
  parsed: ParsedYaml | null,
  segments: readonly PathSegment[],
  key = false,
): { line: number; column: number } | null {
  if (!parsed) return null;
  let node: unknown = parsed.doc.contents;
  let offset: number | null = rangeStart(node);
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(s),
      );
      if (!pair) break;
      const keyStart = rangeStart(pair.key);
      node = pair.value;
      offset = last && key ? keyStart : (rangeStart(node) ?? keyStart);
    } else if (isSeq(node) && typeof s === "number" && s < node.items.length) {
      node = node.items[s];
      offset = rangeStart(node) ?? offset;
    } else break;
  }
  if (offset === null) return null;
  const at = parsed.lines.linePos(offset);
  return { line: at.line, column: at.col };
}

function rangeStart(node: unknown): number | null {
  const range = (node as Node | null)?.range;
  return range ? range[0] : null;
}

/** An issue at a path of the parsed document. */
export function issueAt(
  parsed: ParsedYaml | null,
  segments: readonly PathSegment[],
  message: string,
  options: { key?: boolean } = {},
): YamlIssue {
  const at = locate(parsed, segments, options.key);
  return { path: formatPath(segments), line: at?.line ?? null, column: at?.column ?? null, message };
}
