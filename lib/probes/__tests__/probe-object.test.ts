import { afterAll, beforeAll, describe, expect, it } from "vitest";
import crd from "@/lib/probes/crds/probes.json";
import { uniqueName } from "@/lib/testing/factories";
import { startSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { api, expectOk, generousQuota, sysadminToken } from "@/lib/testing/world";

// The Probe object on a cluster: skipped while the cluster does not serve the kind, applied
// (created, replaced, deleted with the probe) once the Prometheus-Operator CRD is there.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

describe("Probe objects on the environment's cluster", () => {
  let sb: Sandbox;
  let root: string;
  let ns = "";
  const t = uniqueName("pobj");
  const ENV = `/api/v1/tenants/${t}/projects/shop/environments/dev`;
  const G = "/apis/monitoring.coreos.com/v1";

  async function kube(method: string, path: string, body?: unknown) {
    const res = await fetch(`${sb.server.href}${path}`, {
      method,
      headers: { authorization: `Bearer ${sb.token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as Doc };
  }
  const body = (name: string, intervalSeconds = 60) => ({
    name,
    kind: "http",
    target: "http://127.0.0.1:1/healthz",
    intervalSeconds,
  });

  beforeAll(async () => {
    sb = await startSandbox();
    process.env.FACET_INTERNAL_URL = sb.server.origin;
    root = await sysadminToken();
    await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: t } }), 201);
    await expectOk(api("PUT", `/api/v1/tenants/${t}/quotas/sandbox`, { token: root, body: generousQuota }));
    await expectOk(api("POST", `/api/v1/tenants/${t}/projects`, { token: root, body: { name: "shop" } }), 201);
    const env = await expectOk<{ namespace: string }>(
      api("POST", `/api/v1/tenants/${t}/projects/shop/environments`, {
        token: root,
        body: {
          name: "dev",
          type: "dev",
          cluster: "sandbox",
          quota: { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "10" },
        },
      }),
      201,
    );
    ns = env.namespace;
    await expectOk(api("POST", `${ENV}/sync`, { token: root }));
  }, 60_000);
  afterAll(async () => {
    await sb?.close();
  });

  it("skips a cluster without the Probe kind, then applies, replaces and deletes the object once it has it", async () => {
    await expectOk(api("POST", `${ENV}/probes`, { token: root, body: body("early") }), 201);
    expect((await kube("GET", `${G}/namespaces/${ns}/probes`)).status).toBe(404);

    const made = await kube("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: `${crd.plural}.${crd.group}` },
      spec: {
        group: crd.group,
        scope: crd.scope,
        names: { plural: crd.plural, singular: "probe", kind: crd.kind, listKind: "ProbeList" },
        versions: [
          { name: crd.version, served: true, storage: true, schema: { openAPIV3Schema: crd.openAPIV3Schema } },
        ],
      },
    });
    expect([200, 201, 409]).toContain(made.status);

    await expectOk(api("POST", `${ENV}/probes`, { token: root, body: body("web") }), 201);
    const applied = await kube("GET", `${G}/namespaces/${ns}/probes/web`);
    expect(applied.status).toBe(200);
    expect(applied.body.spec).toMatchObject({
      jobName: "probe/web",
      module: "http_2xx",
      interval: "60s",
      targets: { staticConfig: { static: ["http://127.0.0.1:1/healthz"] } },
    });
    expect(applied.body.metadata.labels).toMatchObject({ "app.kubernetes.io/managed-by": "facet" });
    // What the API renders is what was applied.
    const rendered = await expectOk<Doc>(api("GET", `${ENV}/probes/web/probe-object`, { token: root }));
    expect(rendered.spec).toEqual(applied.body.spec);

    const { name: _n, ...update } = body("web", 30);
    await expectOk(api("PUT", `${ENV}/probes/web`, { token: root, body: update }));
    expect((await kube("GET", `${G}/namespaces/${ns}/probes/web`)).body.spec.interval).toBe("30s");

    expect((await api("DELETE", `${ENV}/probes/web`, { token: root })).status).toBe(204);
    expect((await kube("GET", `${G}/namespaces/${ns}/probes/web`)).status).toBe(404);
  });
});
