import { parser } from "@grafana/lezer-logql";
import { applyEdits, type Edit, exprError, quoteString, unquoteString } from "./position";

// LogQL's stream selectors get the environment's namespace matcher, as PromQL's selectors do.
// A matcher on the namespace label anywhere (a selector, or a label filter after a parser that
// would read a `namespace` field) is refused unless it is `= "<the environment's namespace>"`.

function firstError(text: string): number | null {
  let at: number | null = null;
  parser.parse(text).iterate({
    enter: (n) => {
      if (at !== null) return false;
      if (n.type.isError) at = n.from;
      return undefined;
    },
  });
  return at;
}

/** Whether the selector at [from, to) already has `label="namespace"`. */
function scopedAlready(text: string, from: number, to: number, label: string, namespace: string): boolean {
  let found = false;
  parser.parse(text).iterate({
    from,
    to,
    enter: (n) => {
      if (n.name !== "Matcher" || n.from < from || n.to > to) return undefined;
      const id = n.node.getChild("Identifier");
      const str = n.node.getChild("String");
      if (id && n.node.getChild("Eq") && text.slice(id.from, id.to) === label && str)
        found ||= unquoteString(text.slice(str.from, str.to)) === namespace;
      return undefined;
    },
  });
  return found;
}

export function injectLogqlNamespace(
  text: string,
  namespace: string,
  path = "log",
  namespaceLabel = "namespace",
): string {
  if (!text.trim()) throw exprError(path, text, 0, "Empty expression");
  const error = firstError(text);
  if (error !== null) throw exprError(path, text, error, "Syntax error");
  const tree = parser.parse(text);
  const edits: Edit[] = [];
  const matcher = `${namespaceLabel}=${quoteString(namespace)}`;
  let refusal: Error | null = null;
  let selectors = 0;
  tree.iterate({
    enter: (ref) => {
      if (refusal) return false;
      if (ref.name === "Matcher") {
        const node = ref.node;
        const id = node.getChild("Identifier");
        if (!id || text.slice(id.from, id.to) !== namespaceLabel) return undefined;
        const eq = node.getChild("Eq");
        const str = node.getChild("String");
        const value = str ? unquoteString(text.slice(str.from, str.to)) : null;
        if (!eq || value !== namespace)
          refusal = exprError(path, text, node.from, `The query may only read namespace "${namespace}"`);
        return undefined;
      }
      if (ref.name === "Selector") {
        selectors++;
        const open = text.indexOf("{", ref.from);
        const hasMatchers = Boolean(ref.node.getChild("Matchers"));
        if (!scopedAlready(text, ref.from, ref.to, namespaceLabel, namespace))
          edits.push({ at: open + 1, text: hasMatchers ? `${matcher}, ` : matcher });
      }
      return undefined;
    },
  });
  if (refusal) throw refusal;
  if (selectors === 0) throw exprError(path, text, 0, "A stream selector is required");
  const out = applyEdits(text, edits);
  if (firstError(out) !== null) throw exprError(path, text, 0, "The query could not be scoped to the namespace");
  return out;
}
