import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seal } from "@/lib/crypto/secret-box";
import { getDb } from "@/lib/db/client";
import { clusters } from "@/lib/db/schema";
import { renderKubeconfig } from "@/lib/sandbox/credentials";
import { uniqueName } from "@/lib/testing/factories";
import { eventually, kubectl, startReconcilingSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { api, expectOk, generousQuota, person, sysadminToken, tenantProject } from "@/lib/testing/world";
import { reconcileAll } from "../reconcile/loop";

// Facet's reconciler against the sandbox cluster, served over HTTP and checked with kubectl.
describe("clusters: tenancy applied to the sandbox", () => {
  let sb: Sandbox;
  let root: string;
  const t = uniqueName("rec");
  const project = `/api/v1/tenants/${t}/projects/shop`;
  const env = `${project}/environments/shop-dev`;
  const ns = `${t}-shop-dev`;
  const json = async (args: string[]) => {
    const run = await kubectl(sb, [...args, "-o", "json"]);
    return run.code === 0 ? JSON.parse(run.stdout) : null;
  };

  beforeAll(async () => {
    sb = await startReconcilingSandbox();
    root = await sysadminToken();
    await tenantProject(root, t);
  }, 60_000);
  afterAll(() => sb?.close());

  it("creating shop-dev makes its namespace, ResourceQuota, LimitRange and isolation appear", async () => {
    await expectOk(
      api("POST", `${project}/environments`, {
        token: root,
        body: {
          name: "shop-dev",
          type: "dev",
          cluster: "sandbox",
          quota: { cpu: "2", memory: "4Gi", storage: "10Gi", pods: "10" },
        },
      }),
      201,
    );
    const namespace = await eventually(() => json(["get", "namespace", ns]), 20_000, "namespace");
    expect(namespace.metadata.labels).toMatchObject({
      "facet.dev/tenant": t,
      "facet.dev/project": "shop",
      "facet.dev/environment": "shop-dev",
      "app.kubernetes.io/managed-by": "facet",
    });
    const quota = await eventually(() => json(["-n", ns, "get", "resourcequota", "facet-quota"]), 20_000, "quota");
    expect(quota.spec.hard).toMatchObject({
      "limits.cpu": "2",
      "limits.memory": "4Gi",
      pods: "10",
      "requests.storage": "10Gi",
    });
    const limits = await eventually(() => json(["-n", ns, "get", "limitrange", "facet-limits"]), 20_000, "limitrange");
    expect(limits.spec.limits[0]).toMatchObject({
      type: "Container",
      default: { cpu: "500m", memory: "512Mi" },
      defaultRequest: { cpu: "100m", memory: "128Mi" },
    });
    const policy = await eventually(
      () => json(["-n", ns, "get", "networkpolicy", "facet-tenant-isolation"]),
      20_000,
      "networkpolicy",
    );
    expect(policy.spec.ingress[0].from[0].namespaceSelector.matchLabels).toEqual({ "facet.dev/tenant": t });
    const record = await eventually(() => json(["get", "environments.facet.dev", ns]), 20_000, "Environment record");
    expect(record.spec).toMatchObject({ tenant: t, project: "shop", environment: "shop-dev", type: "dev" });
    expect(await json(["get", "tenantresourcequotas.facet.dev", t])).toMatchObject({
      spec: { hard: { "limits.cpu": "64" } },
    });
    const detail = await eventually(
      async () => {
        const e = await expectOk<{ sync: { status: string } }>(api("GET", env, { token: root }));
        return e.sync.status === "synced" && e;
      },
      20_000,
      "synced status",
    );
    expect(detail.sync.status).toBe("synced");
  });

  it("a ResourceQuota deleted by hand comes back on the next resync", async () => {
    const original = await json(["-n", ns, "get", "resourcequota", "facet-quota"]);
    expect((await kubectl(sb, ["-n", ns, "delete", "resourcequota", "facet-quota"])).code).toBe(0);
    // A new object (new uid), made by the resync loop, not the one deleted.
    const repaired = await eventually(
      async () => {
        const q = await json(["-n", ns, "get", "resourcequota", "facet-quota"]);
        return q && q.metadata.uid !== original.metadata.uid && q;
      },
      20_000,
      "repaired quota",
    );
    expect(repaired.spec.hard.pods).toBe("10");
  });

  it("a changed quota and switched-off isolation reach the cluster; sync on demand reports the changes", async () => {
    await expectOk(api("PATCH", env, { token: root, body: { quota: { pods: "12" }, networkIsolation: false } }));
    const report = await expectOk<{ status: string; changes: { kind: string; result: string }[] }>(
      api("POST", `${env}/sync`, { token: root }),
    );
    expect(report.status).toBe("synced");
    const quota = await json(["-n", ns, "get", "resourcequota", "facet-quota"]);
    expect(quota.spec.hard.pods).toBe("12");
    expect(await json(["-n", ns, "get", "networkpolicy", "facet-tenant-isolation"])).toBeNull();
    // The tenant-wide record keeps the tenant's own setting, whatever one environment says.
    expect((await json(["get", "tenantnetworkpolicies.facet.dev", t])).spec).toEqual({ isolated: true });
  });

  it("a project dev sees no scale in prod and the API refuses it", async () => {
    const dev = await person("dev");
    await expectOk(
      api("POST", `/api/v1/tenants/${t}/members`, { token: root, body: { username: dev.username, role: "member" } }),
      201,
    );
    await expectOk(
      api("POST", `${project}/members`, { token: root, body: { username: dev.username, role: "dev" } }),
      201,
    );
    await expectOk(
      api("POST", `${project}/environments`, {
        token: root,
        body: {
          name: "shop-prod",
          type: "prod",
          cluster: "sandbox",
          quota: { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "5" },
        },
      }),
      201,
    );
    await expectOk(
      api("POST", `${project}/environments/shop-prod/applications`, {
        token: root,
        body: { name: "web", image: "nginx:1.27" },
      }),
      201,
    );
    expect(
      (
        await api("POST", `${project}/environments/shop-prod/applications/web/scale`, {
          token: dev.token,
          body: { replicas: 2 },
        })
      ).status,
    ).toBe(403);
    expect((await api("GET", `${project}/environments/shop-prod/workloads`, { token: dev.token })).status).toBe(200);
  });

  it("deleting an environment deletes its namespace", async () => {
    expect((await api("DELETE", `${project}/environments/shop-prod`, { token: root })).status).toBe(204);
    await eventually(
      async () => (await json(["get", "namespace", `${t}-shop-prod`])) === null,
      20_000,
      "namespace gone",
    );
  });

  it("an environment whose policy is remove-labels leaves its namespace, without Facet's labels, when deleted", async () => {
    await expectOk(
      api("POST", `${project}/environments`, {
        token: root,
        body: {
          name: "shop-keep",
          type: "test",
          cluster: "sandbox",
          deletePolicy: "remove-labels",
          quota: { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "5" },
        },
      }),
      201,
    );
    const kept = `${t}-shop-keep`;
    await eventually(
      async () => (await json(["get", "namespace", kept]))?.metadata.labels["facet.dev/environment"] === "shop-keep",
      20_000,
      "labelled namespace",
    );
    expect((await api("DELETE", `${project}/environments/shop-keep`, { token: root })).status).toBe(204);
    const unlabelled = await eventually(
      async () => {
        const n = await json(["get", "namespace", kept]);
        return (
          n &&
          !n.metadata.labels?.["facet.dev/environment"] &&
          (await json(["get", "environments.facet.dev", kept])) === null &&
          n
        );
      },
      20_000,
      "labels and Environment record removed",
    );
    expect(
      Object.keys(unlabelled.metadata.labels ?? {}).filter(
        (k) => k.startsWith("facet.dev/") || k === "app.kubernetes.io/managed-by",
      ),
    ).toEqual([]);
    expect(unlabelled.status.phase).toBe("Active");
  });

  it("isolation switched off for the whole tenant reaches the tenant record and every environment", async () => {
    await expectOk(api("PATCH", `/api/v1/tenants/${t}`, { token: root, body: { networkIsolation: false } }));
    await expectOk(api("POST", `${env}/sync`, { token: root }));
    expect((await json(["get", "tenantnetworkpolicies.facet.dev", t])).spec).toEqual({ isolated: false });
    expect(await json(["-n", ns, "get", "networkpolicy", "facet-tenant-isolation"])).toBeNull();
  });

  it("an unreachable cluster answers 502 naming it, and the sandbox's pages keep working", async () => {
    const dead = uniqueName("dead");
    await getDb()
      .insert(clusters)
      .values({
        name: dead,
        kind: "imported",
        server: "http://127.0.0.1:9",
        kubeconfig: seal(renderKubeconfig({ origin: "http://127.0.0.1:9", token: "fsb_nothing" })),
      });
    await expectOk(api("PUT", `/api/v1/tenants/${t}/quotas/${dead}`, { token: root, body: generousQuota }));
    await expectOk(
      api("POST", `${project}/environments`, {
        token: root,
        body: {
          name: "on-dead",
          type: "test",
          cluster: dead,
          quota: { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "5" },
        },
      }),
      201,
    );
    const started = Date.now();
    const res = await api<{ upstream: { name: string }; detail: string }>(
      "GET",
      `${project}/environments/on-dead/workloads`,
      { token: root },
    );
    expect(res.status).toBe(502);
    expect(res.body.upstream.name).toBe(dead);
    expect(res.body.detail).toContain(dead);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await api("GET", `${env}/workloads`, { token: root })).status).toBe(200);
    const status = await eventually(
      async () => {
        const e = await expectOk<{ sync: { status: string; error: string } }>(
          api("GET", `${project}/environments/on-dead`, { token: root }),
        );
        return e.sync.status === "error" && e.sync;
      },
      20_000,
      "sync error recorded",
    );
    expect(status.error).toContain(dead);
  });

  it("a cluster whose kubeconfig no longer opens is marked unreachable with the reason; the resync goes on", async () => {
    const locked = uniqueName("locked");
    await getDb()
      .insert(clusters)
      .values({
        name: locked,
        kind: "imported",
        server: sb.server.origin,
        kubeconfig: seal(renderKubeconfig({ origin: sb.server.origin, token: sb.token }), "an AUTH_SECRET of old"),
      });
    try {
      await reconcileAll();
      const status = await expectOk<{ status: { reachable: boolean; error: string } }>(
        api("GET", `/api/v1/clusters/${locked}`, { token: root }),
      );
      expect(status.status).toMatchObject({ reachable: false, error: expect.stringMatching(/AUTH_SECRET changed/) });
      expect(
        (await expectOk<{ status: { reachable: boolean } }>(api("GET", "/api/v1/clusters/sandbox", { token: root })))
          .status.reachable,
      ).toBe(true);
      expect((await expectOk<{ sync: { status: string } }>(api("GET", env, { token: root }))).sync.status).toBe(
        "synced",
      );
    } finally {
      await getDb().delete(clusters).where(eq(clusters.name, locked));
    }
  });

  it("imports a cluster only when it answers, and never returns its kubeconfig", async () => {
    const good = renderKubeconfig({ origin: sb.server.origin, token: sb.token });
    const created = await expectOk<Record<string, unknown>>(
      api("POST", "/api/v1/clusters", { token: root, body: { name: uniqueName("imp"), kubeconfig: good } }),
      201,
    );
    expect(created).toMatchObject({
      kind: "imported",
      status: { reachable: true, version: expect.stringMatching(/^v1\./) },
    });
    expect(JSON.stringify(created)).not.toContain(sb.token);
    const unreachable = await api<{ code: string; detail: string }>("POST", "/api/v1/clusters", {
      token: root,
      body: {
        name: uniqueName("nope"),
        kubeconfig: renderKubeconfig({ origin: "http://127.0.0.1:9", token: "fsb_x" }),
      },
    });
    expect(unreachable.status).toBe(502);
    const garbage = await api<{ errors: { path: string; message: string }[] }>("POST", "/api/v1/clusters", {
      token: root,
      body: { name: uniqueName("bad"), kubeconfig: "clusters: [\n  - name: x\n" },
    });
    expect(garbage.status).toBe(422);
    expect(garbage.body.errors[0]).toMatchObject({ path: "body.kubeconfig", message: expect.stringMatching(/line/) });
    const list = await expectOk<{ items: unknown[] }>(api("GET", "/api/v1/clusters", { token: root }));
    expect(JSON.stringify(list)).not.toMatch(/fsb_|kubeconfig"/);
  });
});
