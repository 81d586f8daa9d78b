import { describe, expect, it } from "vitest";
import { findBuiltin } from "../builtin-resources";
import { K8sError } from "../k8s-error";
import { applyPatch } from "../patch";
import { applyMergePatch } from "../patch/merge-patch";
import { applyStrategicMergePatch } from "../patch/strategic-merge-patch";
import type { K8sObject } from "../types";

const deployment = (): K8sObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", labels: { app: "web" }, finalizers: ["a"] },
  spec: {
    replicas: 1,
    strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%" } },
    template: {
      metadata: { labels: { app: "web" } },
      spec: {
        containers: [
          {
            name: "web",
            image: "nginx:1.26",
            env: [{ name: "A", value: "1" }],
            ports: [{ containerPort: 80, protocol: "TCP" }],
          },
          { name: "side", image: "busybox" },
        ],
      },
    },
  },
});

describe("strategic merge patch", () => {
  it("merges containers by name and keeps the others", () => {
    const out = applyStrategicMergePatch(deployment() as never, {
      spec: {
        template: { spec: { containers: [{ name: "web", image: "nginx:1.27", env: [{ name: "B", value: "2" }] }] } },
      },
    });
    const containers = (
      out.spec as never as { template: { spec: { containers: { name: string; image: string; env?: unknown[] }[] } } }
    ).template.spec.containers;
    expect(containers.map((c) => [c.name, c.image])).toEqual([
      ["web", "nginx:1.27"],
      ["side", "busybox"],
    ]);
    expect(containers[0].env).toEqual([
      { name: "A", value: "1" },
      { name: "B", value: "2" },
    ]);
  });

  it("understands $patch: delete, $setElementOrder, $retainKeys, $deleteFromPrimitiveList and null", () => {
    const out = applyStrategicMergePatch(deployment() as never, {
      metadata: { labels: { app: null }, "$deleteFromPrimitiveList/finalizers": ["a"] },
      spec: {
        strategy: { $retainKeys: ["type"], type: "Recreate" },
        template: {
          spec: {
            "$setElementOrder/containers": [{ name: "side" }, { name: "web" }],
            containers: [
              { name: "side", image: "busybox:1" },
              { name: "gone", $patch: "delete" },
            ],
          },
        },
      },
    }) as never as K8sObject;
    expect(out.metadata.labels).toEqual({});
    expect(out.metadata.finalizers).toEqual([]);
    expect(out.spec!.strategy).toEqual({ type: "Recreate" });
    const names = (out.spec!.template as { spec: { containers: { name: string }[] } }).spec.containers.map(
      (c) => c.name,
    );
    expect(names).toEqual(["side", "web"]);
  });

  it("is what kubectl rollout restart and scale send", () => {
    const type = findBuiltin("apps", "deployments")!;
    const restarted = applyPatch(
      type,
      deployment(),
      "application/strategic-merge-patch+json",
      JSON.stringify({
        spec: { template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": "now" } } } },
      }),
    );
    expect(
      (
        restarted.spec!.template as {
          metadata: { annotations: Record<string, string>; labels: Record<string, string> };
        }
      ).metadata,
    ).toEqual({
      labels: { app: "web" },
      annotations: { "kubectl.kubernetes.io/restartedAt": "now" },
    });
    const scaled = applyPatch(
      type,
      deployment(),
      "application/merge-patch+json",
      JSON.stringify({ spec: { replicas: 3 } }),
    );
    expect(scaled.spec!.replicas).toBe(3);
  });
});

describe("merge and JSON patches", () => {
  it("RFC 7386: objects merge, null deletes, arrays replace", () => {
    expect(applyMergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null, d: 3 }, l: [3] })).toEqual({
      a: { c: 2, d: 3 },
      l: [3],
    });
  });

  it("RFC 6902 operations, and 422 when a test fails", () => {
    const type = findBuiltin("apps", "deployments")!;
    const patched = applyPatch(
      type,
      deployment(),
      "application/json-patch+json",
      JSON.stringify([
        { op: "replace", path: "/spec/replicas", value: 5 },
        { op: "add", path: "/metadata/labels/x", value: "y" },
      ]),
    );
    expect(patched.spec!.replicas).toBe(5);
    expect(patched.metadata.labels).toEqual({ app: "web", x: "y" });
    expect(() =>
      applyPatch(
        type,
        deployment(),
        "application/json-patch+json",
        JSON.stringify([{ op: "test", path: "/spec/replicas", value: 9 }]),
      ),
    ).toThrow(expect.objectContaining({ code: 422 }));
  });

  it("refuses strategic merge patches on custom resources with 415", () => {
    const crType = { ...findBuiltin("apps", "deployments")!, custom: true };
    try {
      applyPatch(crType, deployment(), "application/strategic-merge-patch+json", "{}");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(K8sError);
      expect((error as K8sError).code).toBe(415);
    }
  });
});
