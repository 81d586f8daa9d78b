import { isFlowKind, type LoggingKind } from "./constants";
import { issueAt, type ParsedYaml, type PathSegment, type YamlIssue } from "./yaml-source";

// The rules a CRD schema cannot say (issue 13: "rules the schema cannot say"), on a value that
// already passed the schema. Pure: cluster lookups (referenced outputs) are in check-references.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => Boolean(v) && typeof v === "object" && !Array.isArray(v);

export interface RuleTarget {
  /** Kinds this route accepts. */
  kinds: readonly LoggingKind[];
  /** The namespace the object must live in (the environment's, or the control namespace). */
  namespace: string;
  /** On PUT: the name in the URL. */
  name?: string;
}

/** Kind first: the schema a value is checked against depends on it. */
export function kindIssue(value: unknown, target: RuleTarget, parsed: ParsedYaml | null): YamlIssue | null {
  if (!isObject(value)) return issueAt(parsed, [], "The document must be a Kubernetes object (a mapping).");
  const kind = value.kind;
  if (typeof kind === "string" && (target.kinds as readonly string[]).includes(kind)) return null;
  const allowed = target.kinds.join(" or ");
  return issueAt(
    parsed,
    ["kind"],
    kind === undefined
      ? `missing required field "kind" (${allowed})`
      : `kind must be ${allowed} here, not ${JSON.stringify(kind)}`,
  );
}

export function ruleIssues(kind: LoggingKind, value: Json, target: RuleTarget, parsed: ParsedYaml | null): YamlIssue[] {
  const issues: YamlIssue[] = [];
  const at = (segments: PathSegment[], message: string, key = false) =>
    issues.push(issueAt(parsed, segments, message, { key }));
  const metadata = (value.metadata ?? {}) as Json;
  if (metadata.namespace !== undefined && metadata.namespace !== target.namespace)
    at(
      ["metadata", "namespace"],
      `must be ${target.namespace} (or left out): objects here live in that namespace only`,
    );
  if (target.name !== undefined && metadata.name !== target.name)
    at(["metadata", "name"], `must stay ${target.name}; to rename, create a new object and delete this one`);
  const spec = (value.spec ?? {}) as Json;
  if (isFlowKind(kind)) {
    if ("match" in spec) {
      const match = spec.match;
      if (Array.isArray(match) && match.length === 0)
        at(["spec", "match"], "an empty match list is refused; leave `match` out to collect the whole namespace");
      if (match === null)
        at(["spec", "match"], "an empty match is refused; leave `match` out to collect the whole namespace");
      if (Array.isArray(match))
        match.forEach((item, i) => {
          const keys = isObject(item) ? ["select", "exclude"].filter((k) => k in item && item[k] !== null) : [];
          if (keys.length === 0) at(["spec", "match", i], "each match item needs exactly one of `select` or `exclude`");
          else if (keys.length === 2)
            at(["spec", "match", i], "a match item has either `select` or `exclude`, not both");
        });
    }
    if (Array.isArray(spec.filters))
      spec.filters.forEach((filter, i) => {
        const n = isObject(filter) ? Object.keys(filter).length : 0;
        if (n !== 1) at(["spec", "filters", i], "each filter item names exactly one filter (e.g. `grep:`)");
      });
  } else {
    const plugins = Object.keys(spec).filter((k) => k !== "loggingRef" && k !== "protected");
    if (plugins.length !== 1)
      at(
        ["spec"],
        plugins.length
          ? `an output has exactly one plugin, not ${plugins.join(", ")}`
          : "name the output plugin (e.g. `loki:`)",
      );
    for (const path of inlineSecrets(spec, ["spec"]))
      at(path, "secret values are not accepted inline; reference a Secret with `valueFrom.secretKeyRef`", true);
  }
  return issues;
}

/** Paths of `{value: …}` secret fields (the operator's Secret type: value | valueFrom | mountFrom). */
export function inlineSecrets(node: unknown, path: PathSegment[]): PathSegment[][] {
  if (Array.isArray(node)) return node.flatMap((v, i) => inlineSecrets(v, [...path, i]));
  if (!isObject(node)) return [];
  const keys = Object.keys(node);
  if (keys.length && keys.every((k) => k === "value" || k === "valueFrom" || k === "mountFrom") && "value" in node)
    return [[...path, "value"]];
  return keys.flatMap((k) => inlineSecrets(node[k], [...path, k]));
}

/** Applications a Flow selects: `select.labels` values under the application label keys. */
export function applicationsOf(spec: Json, labelKeys: readonly string[]): string[] {
  const out = new Set<string>();
  for (const item of Array.isArray(spec.match) ? spec.match : []) {
    const labels = isObject(item) && isObject(item.select) && isObject(item.select.labels) ? item.select.labels : {};
    for (const key of labelKeys) if (typeof labels[key] === "string") out.add(labels[key] as string);
  }
  return [...out];
}
