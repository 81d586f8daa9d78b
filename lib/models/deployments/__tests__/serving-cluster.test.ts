import { KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeClient } from "@/lib/clusters/client";
import type { ClusterRow, ModelDeploymentRow } from "@/lib/db/schema";
import { eventually, startSandbox, uniqueNamespace, type Sandbox } from "@/lib/testing/sandbox-harness";
import { applyRow, clusterRuntime, observe, removeRow, type ClusterTarget } from "../cluster";
import { deploymentStatus } from "../status";

// A cluster that is not the sandbox: the serving runtime is chosen by the CRDs it serves, and a
// SeldonDeployment is applied, observed and removed through client-node. The sandbox's API
// server stands in for that cluster (imported clusters may not live on loopback addresses, so
// the target is built here from the sandbox's kubeconfig rather than from a cluster row).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;
let sb: Sandbox;
let t: ClusterTarget;
const ns = uniqueNamespace("md-real");
const SDEP = "/apis/machinelearning.seldon.io/v1";

async function kube(method: string, path: string, body?: unknown, contentType = "application/json") {
  const res = await fetch(`${sb.server.href}${path}`, {
    method,
    headers: { authorization: `Bearer ${sb.token}`, "content-type": contentType },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Doc };
}

const row = (extra: Partial<ModelDeploymentRow> = {}): ModelDeploymentRow => ({
  id: 1,
  tenantId: 1,
  projectId: 1,
  environmentId: 1,
  name: "sst2",
  source: "huggingface",
  model: "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
  modelVersion: "main",
  runtime: "seldon",
  implementation: null,
  task: "text-classification",
  replicas: 1,
  resources: { cpu: "500m", memory: "1Gi" },
  parameters: {},
  phase: "Pending",
  reason: null,
  history: [],
  version: 1,
  createdAt: new Date(),
  updatedAt: new Date(),
  ...extra,
});

beforeAll(async () => {
  sb = await startSandbox();
  const kc = new KubeConfig();
  kc.loadFromFile(sb.kubeconfigPath);
  expect((await kube("POST", "/api/v1/namespaces", { metadata: { name: ns } })).status).toBe(201);
  t = {
    client: makeClient("real", kc),
    cluster: { name: "real", kind: "imported" } as ClusterRow,
    namespace: ns,
    labels: { "facet.dev/tenant": "acme" },
  };
}, 60_000);
afterAll(() => sb?.close());

describe("model deployments on a cluster with a serving runtime", () => {
  it("refuses a cluster that serves neither Seldon Core nor KServe, and the built-in runtime", async () => {
    await expect(clusterRuntime(t)).rejects.toMatchObject({
      code: "CONFLICT",
      message: /neither Seldon Core nor KServe/,
    });
    await expect(clusterRuntime(t, "builtin")).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("picks Seldon Core once its CRD is served, and names KServe when that is asked for but missing", async () => {
    const crd = await kube("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "seldondeployments.machinelearning.seldon.io" },
      spec: {
        group: "machinelearning.seldon.io",
        scope: "Namespaced",
        names: {
          plural: "seldondeployments",
          singular: "seldondeployment",
          kind: "SeldonDeployment",
          shortNames: ["sdep"],
        },
        versions: [
          {
            name: "v1",
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } },
            subresources: { status: {} },
          },
        ],
      },
    });
    expect([201, 409]).toContain(crd.status);
    expect(await eventually(async () => (await clusterRuntime(t)) === "seldon")).toBe(true);
    await expect(clusterRuntime(t, "kserve")).rejects.toMatchObject({ code: "CONFLICT", message: /KServe/ });
  });

  it("applies the SeldonDeployment, reports Pending until Seldon says Available, follows a scale and removes it", async () => {
    await eventually(async () => (await kube("GET", `${SDEP}/namespaces/${ns}/seldondeployments`)).status === 200);
    await applyRow(t, row());
    const live = await kube("GET", `${SDEP}/namespaces/${ns}/seldondeployments/sst2`);
    expect(live.status).toBe(200);
    expect(live.body.spec).toMatchObject({
      protocol: "v2",
      predictors: [
        {
          replicas: 1,
          graph: {
            implementation: "HUGGINGFACE_SERVER",
            parameters: [
              { name: "task", type: "STRING", value: "text-classification" },
              { name: "pretrained_model", type: "STRING", value: row().model },
            ],
          },
        },
      ],
    });
    expect(live.body.metadata.labels["facet.dev/model-deployment"]).toBe("sst2");

    const pending = deploymentStatus(row(), (await observe(t, [row()])).get("sst2"));
    expect(pending).toMatchObject({ phase: "Pending", progress: { step: "waiting for Seldon Core" } });

    const status = await kube(
      "PATCH",
      `${SDEP}/namespaces/${ns}/seldondeployments/sst2/status`,
      { status: { state: "Available", replicas: 1, description: "" } },
      "application/merge-patch+json",
    );
    expect(status.status).toBe(200);
    const running = deploymentStatus(row(), (await observe(t, [row()])).get("sst2"));
    expect(running).toMatchObject({ phase: "Running", readyReplicas: 1 });

    await applyRow(t, row({ replicas: 2 }));
    expect(
      (await kube("GET", `${SDEP}/namespaces/${ns}/seldondeployments/sst2`)).body.spec.predictors[0].replicas,
    ).toBe(2);
    await removeRow(t, row());
    expect((await kube("GET", `${SDEP}/namespaces/${ns}/seldondeployments/sst2`)).status).toBe(404);
  });
});
