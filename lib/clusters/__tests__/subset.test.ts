import { describe, expect, it } from "vitest";
import { isSubset } from "../reconcile/subset";

describe("isSubset (drift detection)", () => {
  it("ignores what the cluster adds and sees what Facet wants changed", () => {
    const desired = { metadata: { name: "q", labels: { a: "1" } }, spec: { hard: { pods: "10" } } };
    const actual = {
      metadata: { name: "q", labels: { a: "1", b: "2" }, resourceVersion: "7" },
      spec: { hard: { pods: "10" } },
      status: { used: { pods: "1" } },
    };
    expect(isSubset(desired, actual)).toBe(true);
    expect(isSubset(desired, { ...actual, spec: { hard: { pods: "20" } } })).toBe(false);
    expect(isSubset(desired, { ...actual, metadata: { name: "q", labels: {} } })).toBe(false);
  });

  it("compares lists element by element and by length", () => {
    expect(isSubset({ l: [{ x: 1 }] }, { l: [{ x: 1, y: 2 }] })).toBe(true);
    expect(isSubset({ l: [{ x: 1 }] }, { l: [{ x: 1 }, { x: 2 }] })).toBe(false);
    expect(isSubset({ n: 3 }, { n: "3" })).toBe(true);
  });
});
