import { Ajv } from "ajv";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import flows from "@/lib/logging/crds/flows.json";
import outputs from "@/lib/logging/crds/outputs.json";
import { crdJsonSchema, schemaFileSuffix, type CrdDocument } from "../crd-json-schema";

// The editor's schema must flag, while typing, what the server would refuse or silently drop.
const ajv = new Ajv({ allErrors: true, strict: false });
const flowSchema = ajv.compile(crdJsonSchema(flows as CrdDocument));
const outputSchema = ajv.compile(crdJsonSchema(outputs as CrdDocument));

const errorsOf = (validate: typeof flowSchema, yaml: string) => {
  validate(parse(yaml));
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

const GOOD_FLOW = `apiVersion: logging.banzaicloud.io/v1beta1
kind: Flow
metadata:
  name: web
  namespace: shop-dev
spec:
  match:
    - select:
        labels:
          app: web
  filters:
    - grep:
        exclude:
          - key: message
            pattern: healthz
    - throttle:
        group_key: kubernetes.pod_name
        group_bucket_period_s: 60
        group_bucket_limit: 100
  localOutputRefs: [loki]
`;

describe("crdJsonSchema", () => {
  it("accepts a well-formed Flow", () => {
    expect(errorsOf(flowSchema, GOOD_FLOW)).toEqual([]);
  });

  it("flags a type error deep in a filter", () => {
    const errors = errorsOf(flowSchema, GOOD_FLOW.replace("group_bucket_limit: 100", "group_bucket_limit: lots"));
    expect(errors).toContain("/spec/filters/1/throttle/group_bucket_limit must be integer");
  });

  it("flags a misspelt key the API server would prune silently", () => {
    const errors = errorsOf(flowSchema, GOOD_FLOW.replace("localOutputRefs", "localOutputRef"));
    expect(errors).toContain("/spec must NOT have additional properties");
  });

  it("flags an empty match and a match item with both select and exclude", () => {
    expect(errorsOf(flowSchema, GOOD_FLOW.replace(/ {2}match:\n(?: {4}.*\n)+/, "  match: []\n"))).toContain(
      "/spec/match must NOT have fewer than 1 items",
    );
    const both = GOOD_FLOW.replace("    - select:", "    - exclude: {labels: {app: x}}\n      select:");
    expect(errorsOf(flowSchema, both)).toContain("/spec/match/0 must NOT have more than 1 properties");
  });

  it("flags a filter item with two filters, a wrong kind and apiVersion, and a bad name", () => {
    const two = GOOD_FLOW.replace("    - grep:", "    - stdout: {}\n      grep:");
    expect(errorsOf(flowSchema, two)).toContain("/spec/filters/0 must NOT have more than 1 properties");
    const wrong = GOOD_FLOW.replace("kind: Flow", "kind: ClusterFlow").replace("name: web", "name: Web_1");
    const errors = errorsOf(flowSchema, wrong);
    expect(errors).toContain("/kind must be equal to constant");
    expect(errors.some((e) => e.startsWith("/metadata/name must match pattern"))).toBe(true);
  });

  it("keeps free-form maps open (labels) and allows the live object's metadata", () => {
    const live = GOOD_FLOW.replace(
      "  namespace: shop-dev",
      "  namespace: shop-dev\n  uid: 1234\n  resourceVersion: '7'\n  labels: {team: a}",
    ).replace("app: web", "app: web\n          tier: front");
    expect(errorsOf(flowSchema, live)).toEqual([]);
  });

  it("accepts a status pasted back from kubectl (the server ignores it)", () => {
    expect(errorsOf(flowSchema, `${GOOD_FLOW}status:\n  active: true\n  conditions: [{type: Ready}]\n`)).toEqual([]);
  });

  it("validates outputs, with the secret-reference shape", () => {
    const loki = `apiVersion: logging.banzaicloud.io/v1beta1
kind: Output
metadata: {name: loki}
spec:
  loki:
    url: http://loki:3100
    password:
      valueFrom:
        secretKeyRef: {name: loki-facet-output, key: password}
`;
    expect(errorsOf(outputSchema, loki)).toEqual([]);
    expect(errorsOf(outputSchema, loki.replace("url: http://loki:3100", "url: [1]"))).toContain(
      "/spec/loki/url must be string",
    );
  });

  it("gives hover docs where upstream has none, and a file suffix per kind", () => {
    const schema = crdJsonSchema(flows as CrdDocument) as {
      properties: { spec: { properties: { match: { description?: string } } } };
    };
    expect(schema.properties.spec.properties.match.description).toMatch(/first matching select or exclude/);
    expect(schemaFileSuffix("ClusterFlow")).toBe(".clusterflow.logging.yaml");
  });
});
