import { parser } from "@prometheus-io/lezer-promql";
import type { SyntaxNode } from "@lezer/common";
import { applyEdits, type Edit, exprError, quoteString, unquoteString } from "./position";

// Every vector selector of a rule's PromQL reads the environment's namespace only: the matcher
// is added to each selector, and a selector that names a namespace (other than the
// environment's, with `=`) is refused rather than silently overridden.

/** Functions that read series the query did not select (info() joins target_info by itself). */
const REFUSED_FUNCTIONS = new Set(["info"]);

function firstError(text: string): number | null {
  const tree = parser.parse(text);
  let at: number | null = null;
  tree.iterate({
    enter: (n) => {
      if (at !== null) return false;
      if (n.type.isError) at = n.from;
      return undefined;
    },
  });
  return at;
}

function matcherParts(m: SyntaxNode, text: string): { name: string | null; op: string; value: string | null } {
  const nameNode = m.getChild("LabelName") ?? m.getChild("QuotedLabelName");
  const rawName = nameNode ? text.slice(nameNode.from, nameNode.to) : null;
  const name = rawName === null ? null : nameNode!.name === "QuotedLabelName" ? unquoteString(rawName) : rawName;
  const opNode = m.getChild("MatchOp");
  const valueNode = m.getChild("StringLiteral");
  return {
    name,
    op: opNode ? text.slice(opNode.from, opNode.to) : "",
    value: valueNode ? unquoteString(text.slice(valueNode.from, valueNode.to)) : null,
  };
}

/**
 * Parses `text` and returns it with `namespaceLabel="namespace"` in every selector. Throws a 422
 * (naming `path` and the position) for a syntax error or a selector that names another namespace.
 */
export function injectPromqlNamespace(
  text: string,
  namespace: string,
  path = "metric.promql",
  namespaceLabel = "namespace",
  extra: Record<string, string> = {},
): string {
  if (!text.trim()) throw exprError(path, text, 0, "Empty expression");
  const error = firstError(text);
  if (error !== null) throw exprError(path, text, error, "Syntax error");
  const tree = parser.parse(text);
  const edits: Edit[] = [];
  const matcher = [
    `${namespaceLabel}=${quoteString(namespace)}`,
    ...Object.entries(extra).map(([k, v]) => `${k}=${quoteString(v)}`),
  ].join(", ");
  let refusal: Error | null = null;
  tree.iterate({
    enter: (ref) => {
      if (refusal) return false;
      if (ref.name === "FunctionIdentifier") {
        const fn = text.slice(ref.from, ref.to);
        if (REFUSED_FUNCTIONS.has(fn)) refusal = exprError(path, text, ref.from, `${fn}() is not allowed in rules`);
        return undefined;
      }
      if (ref.name !== "VectorSelector") return undefined;
      const node = ref.node;
      const list = node.getChild("LabelMatchers");
      let present = false;
      for (const m of list
        ? [...list.getChildren("UnquotedLabelMatcher"), ...list.getChildren("QuotedLabelMatcher")]
        : []) {
        const { name, op, value } = matcherParts(m, text);
        if (name !== namespaceLabel) continue;
        if (op === "=" && value === namespace) present = true;
        else refusal = exprError(path, text, m.from, `The selector may only read namespace "${namespace}"`);
      }
      if (present && Object.keys(extra).length === 0) return false;
      if (!list) edits.push({ at: node.to, text: `{${matcher}}` });
      else {
        const hasMatchers = text.slice(list.from + 1, list.to - 1).trim().length > 0;
        edits.push({ at: list.from + 1, text: hasMatchers ? `${matcher}, ` : matcher });
      }
      return false;
    },
  });
  if (refusal) throw refusal;
  const out = applyEdits(text, edits);
  // The rewrite must still parse (a guard against an edit in the wrong place).
  const again = firstError(out);
  if (again !== null) throw exprError(path, text, 0, "The expression could not be scoped to the namespace");
  return out;
}

/** Checks syntax only, for expressions Facet writes itself around a selector it scoped. */
export function assertPromqlSyntax(text: string, path: string): void {
  const error = firstError(text);
  if (error !== null) throw exprError(path, text, error, "Syntax error");
}
