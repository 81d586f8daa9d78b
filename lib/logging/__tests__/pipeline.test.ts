import { describe, expect, it } from "vitest";
import { schemaIssues } from "../crd-schemas";
import { kindIssue, ruleIssues } from "../rules";
import { issueAt, parseYamlSource, type ParsedYaml } from "../yaml-source";

// The pure stages of the submit pipeline: each bad input is refused with the line it is on.

const target = { kinds: ["Flow", "Output"] as const, namespace: "team-a" };

function parse(text: string): ParsedYaml {
  const r = parseYamlSource(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.parsed;
}

function stages(text: string) {
  const r = parseYamlSource(text);
  if (!r.ok) return r.issues;
  const k = kindIssue(r.parsed.value, target, r.parsed);
  if (k) return [k];
  const value = r.parsed.value as { kind: "Flow" };
  const schema = schemaIssues(value.kind, value).map((i) => issueAt(r.parsed, i.segments, i.message, { key: i.key }));
  if (schema.length) return schema;
  return ruleIssues(value.kind, value as never, target, r.parsed);
}

const flow = (spec: string) => `apiVersion: logging.banzaicloud.io/v1beta1
kind: Flow
metadata:
  name: web
spec:
${spec}`;

describe("logging: YAML → schema → rules", () => {
  it("accepts a good Flow", () => {
    expect(
      stages(
        flow(`  match:
    - select:
        labels: {app: web}
  filters:
    - grep:
        regexp:
          - key: message
            pattern: "5\\\\d\\\\d"
  localOutputRefs: [loki]`),
      ),
    ).toEqual([]);
  });

  it("an alias bomb is refused at its first alias", () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
`;
    const issues = stages(bomb);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 2, column: 8 });
    expect(issues[0].message).toMatch(/alias/);
  });

  it("duplicate keys and several documents are errors", () => {
    expect(stages("kind: Flow\nkind: Output\n")[0]).toMatchObject({ line: 2 });
    expect(stages(flow("  match: []") + "\n---\nkind: Flow\n")[0]).toMatchObject({
      line: 8,
      message: expect.stringMatching(/one object/),
    });
  });

  it("a wrong kind is refused at the kind line", () => {
    const issues = stages(flow("  {}").replace("kind: Flow", "kind: ClusterFlow"));
    expect(issues).toEqual([expect.objectContaining({ path: "kind", line: 2, column: 7 })]);
  });

  it("a type error deep in a filter names its path and line", () => {
    const issues = stages(
      flow(`  filters:
    - grep:
        regexp:
          - key: message
            pattern: 42`),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        path: "spec.filters[0].grep.regexp[0].pattern",
        line: 10,
        column: 22,
        message: "must be a string",
      }),
    ]);
  });

  it("an unknown field is refused at its key", () => {
    const issues = stages(flow(`  match:\n    - selct: {labels: {app: web}}`));
    expect(issues).toEqual([expect.objectContaining({ path: "spec.match[0].selct", line: 7, column: 7 })]);
  });

  it("empty match in both forms; another namespace", () => {
    expect(stages(flow("  match: []"))).toEqual([expect.objectContaining({ path: "spec.match", line: 6 })]);
    expect(stages(flow("  match:\n    - {}"))).toEqual([expect.objectContaining({ path: "spec.match[0]", line: 7 })]);
    const other = stages(flow("  {}").replace("  name: web", "  name: web\n  namespace: team-b"));
    expect(other).toEqual([expect.objectContaining({ path: "metadata.namespace", line: 5, column: 14 })]);
  });

  it("an inline secret in an Output is refused", () => {
    const issues = stages(`apiVersion: logging.banzaicloud.io/v1beta1
kind: Output
metadata: {name: l}
spec:
  loki:
    url: http://loki
    password:
      value: hunter2`);
    expect(issues).toEqual([expect.objectContaining({ path: "spec.loki.password.value", line: 8 })]);
  });

  it("locates nothing beyond the document", () => {
    expect(issueAt(parse("a: 1"), ["b", "c"], "x")).toMatchObject({ line: 1, column: 1 });
  });
});
