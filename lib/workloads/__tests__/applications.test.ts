import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueName } from "@/lib/testing/factories";
import { eventually, startReconcilingSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { api, expectOk, sandboxEnvironment, sysadminToken, tenantProject } from "@/lib/testing/world";

// Applications and their objects through the JSON API, reconciled onto the sandbox cluster.
describe("workloads on the sandbox", () => {
  let sb: Sandbox;
  let root: string;
  const t = uniqueName("wl");
  const project = `/api/v1/tenants/${t}/projects/shop`;
  const env = `${project}/environments/shop-dev`;

  beforeAll(async () => {
    sb = await startReconcilingSandbox();
    root = await sysadminToken();
    await tenantProject(root, t);
    await sandboxEnvironment(root, project, "shop-dev");
  }, 60_000);
  afterAll(() => sb?.close());

  it("deploys an application: its pods run; scaled to 3 there are three; restart rolls them", async () => {
    await expectOk(
      api("POST", `${env}/applications`, {
        token: root,
        body: { name: "web", image: "nginx:1.27", replicas: 1, ports: [{ name: "http", port: 80 }] },
      }),
      201,
    );
    const running = (n: number) => async () => {
      const w = await expectOk<{ pods: { phase: string; app: string; ready: string }[]; services: { name: string }[] }>(
        api("GET", `${env}/workloads`, { token: root }),
      );
      const pods = w.pods.filter((p) => p.app === "web" && p.phase === "Running" && p.ready === "1/1");
      return pods.length === n && w;
    };
    const w = await eventually(running(1), 20_000, "one running pod");
    expect(w.services.map((s) => s.name)).toContain("web");
    await expectOk(api("POST", `${env}/applications/web/scale`, { token: root, body: { replicas: 3 } }));
    await eventually(running(3), 20_000, "three running pods");
    expect(
      (await expectOk<{ replicas: number }>(api("GET", `${env}/applications/web`, { token: root }))).replicas,
    ).toBe(3);
    const before = (
      await expectOk<{ pods: { name: string }[] }>(api("GET", `${env}/workloads`, { token: root }))
    ).pods.map((p) => p.name);
    await expectOk(api("POST", `${env}/applications/web/restart`, { token: root }));
    await eventually(
      async () => {
        const pods = (
          await expectOk<{ pods: { name: string; phase: string }[] }>(api("GET", `${env}/workloads`, { token: root }))
        ).pods;
        const fresh = pods.filter((p) => !before.includes(p.name) && p.phase === "Running");
        return fresh.length === 3 && pods.length === 3;
      },
      30_000,
      "restarted pods",
    );
  });

  it("serves pod logs and lets a writer edit YAML, refusing a stale edit with 409", async () => {
    const w = await expectOk<{ pods: { name: string }[] }>(api("GET", `${env}/workloads`, { token: root }));
    const logs = await api<string>("GET", `${env}/pods/${w.pods[0].name}/logs?tail=5`, { token: root });
    expect(logs.status).toBe(200);
    const lines = logs.body.trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(5);
    const one = await api<string>("GET", `${env}/pods/${w.pods[0].name}/logs?tail=1`, { token: root });
    expect(one.body.trim().split("\n")).toHaveLength(1);
    const first = await expectOk<{ yaml: string; resourceVersion: string }>(
      api("GET", `${env}/objects/services/web`, { token: root }),
    );
    expect(first.yaml).toContain("kind: Service");
    const edited = first.yaml.replace(
      "app.kubernetes.io/managed-by: facet",
      "app.kubernetes.io/managed-by: facet\n    team: shop",
    );
    const saved = await expectOk<{ resourceVersion: string }>(
      api("PUT", `${env}/objects/services/web`, { token: root, body: { yaml: edited } }),
    );
    expect(saved.resourceVersion).not.toBe(first.resourceVersion);
    const stale = await api<{ code: string }>("PUT", `${env}/objects/services/web`, {
      token: root,
      body: { yaml: edited },
    });
    expect(stale.status).toBe(409);
    const broken = await api<{ errors: { message: string }[] }>("PUT", `${env}/objects/services/web`, {
      token: root,
      body: { yaml: "kind: Service\nmetadata:\n  name: [web" },
    });
    expect(broken.status).toBe(422);
    expect(broken.body.errors[0].message).toMatch(/line \d+/);
    const otherKind = await api("PUT", `${env}/objects/services/web`, {
      token: root,
      body: { yaml: edited.replace("kind: Service", "kind: ConfigMap") },
    });
    expect(otherKind.status).toBe(422);
  });
});
