import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactWatchLog } from "@/lib/sandbox";
import {
  eventually,
  kubectl,
  kubectlUntil,
  startSandbox,
  uniqueNamespace,
  type Sandbox,
} from "@/lib/testing/sandbox-harness";

// The sandbox driven by the real kubectl v1.32 through a kubeconfig from renderKubeconfig.

let sandbox: Sandbox;

const ok = async (args: string[], input?: string) => {
  const run = await kubectl(sandbox, args, input);
  expect(run.code, `kubectl ${args.join(" ")}\n${run.stderr}`).toBe(0);
  return run.stdout;
};

const namespaceYaml = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

const deploymentYaml = (image: string, replicas = 2) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: ${image}
        ports: [{containerPort: 80}]
`;

const crdYaml = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
  versions:
  - name: v1
    served: true
    storage: true
    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
    additionalPrinterColumns:
    - {name: Size, type: integer, jsonPath: .spec.size}
`;

async function freshNamespace(prefix: string): Promise<string> {
  const ns = uniqueNamespace(prefix);
  await ok(["apply", "-f", "-"], namespaceYaml(ns));
  return ns;
}

beforeAll(async () => {
  sandbox = await startSandbox();
});

afterAll(async () => sandbox.close());

describe("sandbox API with kubectl", () => {
  it("resolves kinds and short names through discovery", async () => {
    const resources = await ok(["api-resources"]);
    for (const line of [
      /^pods\s+po\s+v1\s+true\s+Pod$/m,
      /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m,
      /^customresourcedefinitions\s+crd,crds\s+apiextensions\.k8s\.io\/v1\s+false/m,
      /^networkpolicies\s+netpol\s+networking\.k8s\.io\/v1/m,
    ]) {
      expect(resources).toMatch(line);
    }
    expect(await ok(["get", "no"])).toMatch(/sandbox-node-1\s+Ready/);
    expect(await ok(["version"])).toContain("Server Version: v1.32.0");
  });

  it("applies a Deployment manifest, re-applies a change, and shows it with get and describe", async () => {
    const ns = await freshNamespace("apply");
    expect(await ok(["apply", "-n", ns, "-f", "-"], deploymentYaml("nginx:1.27"))).toContain(
      "deployment.apps/web created",
    );
    expect(await ok(["apply", "-n", ns, "-f", "-"], deploymentYaml("nginx:1.27"))).toContain(
      "deployment.apps/web unchanged",
    );
    expect(await ok(["apply", "-n", ns, "-f", "-"], deploymentYaml("nginx:1.28", 3))).toContain(
      "deployment.apps/web configured",
    );
    const image = await ok([
      "get",
      "deploy",
      "web",
      "-n",
      ns,
      "-o",
      "jsonpath={.spec.template.spec.containers[0].image}/{.spec.replicas}/{.metadata.generation}",
    ]);
    expect(image).toBe("nginx:1.28/3/2");
    await eventually(
      async () => /web\s+3\/3\s+3\s+3/.test(await ok(["get", "deploy", "-n", ns])),
      15_000,
      "deployment ready in kubectl get",
    );
    const describe = await ok(["describe", "deploy", "web", "-n", ns]);
    expect(describe).toMatch(/Replicas:\s+3 desired \| 3 updated \| 3 total \| 3 available \| 0 unavailable/);
    expect(describe).toMatch(/ScalingReplicaSet\s+.*deployment-controller\s+Scaled up replica set web-/);
    expect(await ok(["get", "po", "-n", ns, "-l", "app=web", "-o", "name"])).toMatch(
      /^(pod\/web-[a-z0-9]+-[a-z0-9]{5}\n){3}$/,
    );
  });

  it("selects with -l, labels objects, and scales", async () => {
    const ns = await freshNamespace("select");
    for (const [name, labels] of [
      ["a", "tier=front"],
      ["b", "tier=back"],
      ["c", "other=1"],
    ]) {
      await ok(["create", "cm", name, "-n", ns]);
      await ok(["label", "cm", name, "-n", ns, labels]);
    }
    const names = (out: string) => out.trim().split("\n").filter(Boolean).sort();
    expect(names(await ok(["get", "cm", "-n", ns, "-l", "tier", "-o", "name"]))).toEqual([
      "configmap/a",
      "configmap/b",
    ]);
    expect(names(await ok(["get", "cm", "-n", ns, "-l", "tier notin (back),!other", "-o", "name"]))).toEqual([
      "configmap/a",
    ]);
    expect(names(await ok(["get", "cm", "-n", ns, "-l", "tier in (front,back),tier!=front", "-o", "name"]))).toEqual([
      "configmap/b",
    ]);

    await ok(["apply", "-n", ns, "-f", "-"], deploymentYaml("nginx:1.27", 1));
    expect(await ok(["scale", "deploy/web", "-n", ns, "--replicas=4"])).toContain("deployment.apps/web scaled");
    expect(await ok(["get", "deploy", "web", "-n", ns, "-o", "jsonpath={.spec.replicas}"])).toBe("4");
  });

  it("applies a CRD, then a custom resource of it by kind and short name", async () => {
    const ns = await freshNamespace("crd");
    await ok(["apply", "-f", "-"], crdYaml);
    const widget = (size: number) =>
      `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: ${size}\n`;
    expect(await ok(["apply", "-n", ns, "-f", "-"], widget(3))).toContain("widget.example.com/w1 created");
    expect(await ok(["apply", "-n", ns, "-f", "-"], widget(5))).toContain("widget.example.com/w1 configured");
    expect(await ok(["get", "wd", "-n", ns])).toMatch(/^NAME\s+SIZE\s+AGE\nw1\s+5\s+\d+s\n$/);
    expect(await ok(["delete", "widget", "w1", "-n", ns])).toContain('widget.example.com "w1" deleted');
  });

  it("prints watch events with get --watch", async () => {
    const ns = await freshNamespace("watch");
    await ok(["create", "cm", "first", "-n", ns]);
    const output = await kubectlUntil(
      sandbox,
      ["get", "cm", "-n", ns, "--watch"],
      (out) => /\nsecond\s+0\s+\d+s/.test(out),
      // Once kubectl prints anything (its first chunk may be the header alone), a second object.
      async () => {
        await ok(["create", "cm", "second", "-n", ns]);
      },
    );
    expect(output).toMatch(/^NAME\s+DATA\s+AGE\n/);
    expect(output).toMatch(/\nfirst\s+0\s+\d+s/);
  });

  it("reports Conflict for a replace with a stale resourceVersion", async () => {
    const ns = await freshNamespace("replace");
    await ok(["create", "cm", "settings", "-n", ns, "--from-literal=a=1"]);
    const stale = await ok(["get", "cm", "settings", "-n", ns, "-o", "json"]);
    await ok(["label", "cm", "settings", "-n", ns, "changed=yes"]);
    const run = await kubectl(sandbox, ["replace", "-n", ns, "-f", "-"], stale);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on configmaps "settings": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it("deletes, and reports NotFound afterwards", async () => {
    const ns = await freshNamespace("delete");
    await ok(["apply", "-n", ns, "-f", "-"], deploymentYaml("nginx:1.27", 1));
    expect(await ok(["delete", "deploy", "web", "-n", ns])).toContain('deployment.apps "web" deleted');
    const run = await kubectl(sandbox, ["get", "deploy", "web", "-n", ns]);
    expect(run.stderr).toContain('Error from server (NotFound): deployments.apps "web" not found');
    expect(await ok(["get", "rs,po", "-n", ns, "-o", "name"])).toBe("");
    expect(await ok(["delete", "ns", ns])).toContain(`namespace "${ns}" deleted`);
  });

  it("creates through kubectl's protobuf clients (create namespace, configmap, deployment)", async () => {
    const ns = uniqueNamespace("proto");
    expect(await ok(["create", "ns", ns])).toContain(`namespace/${ns} created`);
    await ok(["create", "cm", "c", "-n", ns, "--from-literal=k=v"]);
    await ok(["create", "deployment", "d", "-n", ns, "--image=nginx:1.27", "--port=8080", "--replicas=2"]);
    expect(await ok(["get", "cm", "c", "-n", ns, "-o", "jsonpath={.data.k}"])).toBe("v");
    expect(
      await ok([
        "get",
        "deploy",
        "d",
        "-n",
        ns,
        "-o",
        "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].ports[0].containerPort}",
      ]),
    ).toBe("2 8080");
  });

  it("answers a watch from a compacted resourceVersion with 410 Expired", async () => {
    const ns = await freshNamespace("expired");
    await ok(["create", "cm", "old", "-n", ns]);
    const version = Number(await ok(["get", "cm", "old", "-n", ns, "-o", "jsonpath={.metadata.resourceVersion}"]));
    await ok(["create", "cm", "newer", "-n", ns]);
    await compactWatchLog({ olderThan: new Date(Date.now() + 1000) });
    const raw = await ok([
      "get",
      "--raw",
      `${sandbox.server.pathname}/api/v1/namespaces/${ns}/configmaps?watch=true&resourceVersion=${version}`,
    ]);
    const event = JSON.parse(raw.trim()) as { type: string; object: Record<string, unknown> };
    expect(event.type).toBe("ERROR");
    expect(event.object).toMatchObject({ kind: "Status", status: "Failure", reason: "Expired", code: 410 });
    expect(String(event.object.message)).toMatch(new RegExp(`^too old resource version: ${version} \\(\\d+\\)$`));
  });
});
