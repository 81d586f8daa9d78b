import { describe, expect, it } from "vitest";
import { K8sError } from "../k8s-error";
import { matchesFields, parseFieldSelector } from "../selectors/fields";
import { formatLabelSelector, fromStructured, matchesLabels, parseLabelSelector } from "../selectors/labels";

const labels = { app: "web", tier: "front", release: "3" };
const match = (selector: string, l: Record<string, string> = labels) => matchesLabels(parseLabelSelector(selector), l);

describe("label selectors", () => {
  it("supports =, ==, !=, in, notin, exists and !exists", () => {
    expect(match("app=web")).toBe(true);
    expect(match("app==web,tier=front")).toBe(true);
    expect(match("app=api")).toBe(false);
    expect(match("tier!=back")).toBe(true);
    expect(match("tier!=front")).toBe(false);
    expect(match("missing!=x")).toBe(true);
    expect(match("tier in (front, back)")).toBe(true);
    expect(match("tier in (back)")).toBe(false);
    expect(match("tier notin (back),app")).toBe(true);
    expect(match("tier notin (front)")).toBe(false);
    expect(match("app")).toBe(true);
    expect(match("!app")).toBe(false);
    expect(match("!missing")).toBe(true);
    expect(match("release>2,release<4")).toBe(true);
    expect(match("")).toBe(true);
  });

  it("refuses malformed selectors with 400 BadRequest", () => {
    for (const bad of ["app=we b", "tier in (a b", "-x=1"]) {
      expect(() => parseLabelSelector(bad), bad).toThrow(K8sError);
    }
    let error: unknown;
    try {
      parseLabelSelector("app=we b");
    } catch (e) {
      error = e;
    }
    expect((error as K8sError).toStatus()).toMatchObject({ kind: "Status", reason: "BadRequest", code: 400 });
  });

  it("turns matchLabels/matchExpressions into the string form Scale reports", () => {
    const selector = fromStructured({
      matchLabels: { app: "web" },
      matchExpressions: [
        { key: "tier", operator: "In", values: ["b", "a"] },
        { key: "canary", operator: "DoesNotExist" },
      ],
    });
    expect(formatLabelSelector(selector)).toBe("app=web,tier in (a,b),!canary");
    expect(matchesLabels(selector, { app: "web", tier: "a" })).toBe(true);
    expect(matchesLabels(selector, { app: "web", tier: "a", canary: "1" })).toBe(false);
  });
});

describe("field selectors", () => {
  const pod = {
    metadata: { name: "web-1", namespace: "team" },
    status: { phase: "Running" },
    spec: { nodeName: "n1" },
  };
  it("matches metadata.name, metadata.namespace, status.phase with =, == and !=", () => {
    expect(matchesFields(parseFieldSelector("metadata.name=web-1"), pod)).toBe(true);
    expect(matchesFields(parseFieldSelector("metadata.namespace==team,status.phase!=Pending"), pod)).toBe(true);
    expect(matchesFields(parseFieldSelector("status.phase=Pending"), pod)).toBe(false);
    expect(matchesFields(parseFieldSelector("spec.nodeName=,status.phase!=Failed"), pod)).toBe(false);
  });

  it("unescapes values", () => {
    expect(parseFieldSelector("metadata.name=a\\,b")).toEqual([{ path: "metadata.name", equals: true, value: "a,b" }]);
  });
});
