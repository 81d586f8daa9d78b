import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NODES } from "@/lib/sandbox/builtin-resources";
import { readObject } from "@/lib/sandbox/store/read";
import { getDb } from "@/lib/db/client";
import { computeOf } from "@/lib/usage/compute";
import type { ClusterNodes, EnvironmentUsage } from "@/lib/usage/schemas";
import { uniqueName } from "@/lib/testing/factories";
import { eventually, startReconcilingSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { api, expectOk, person, sandboxEnvironment, sysadminToken, tenantProject } from "@/lib/testing/world";

// Usage read through client-node from the sandbox's metrics.k8s.io, and the node verbs.

let sb: Sandbox;
let root: string;
const t = uniqueName("use");
const other = uniqueName("use-o");
const project = `/api/v1/tenants/${t}/projects/shop`;
const env = `${project}/environments/shop-dev`;
const NODE = "sandbox-node-1";
const nodes = "/api/v1/clusters/sandbox/nodes";

interface PodMetricsList {
  items: {
    metadata: { name: string };
    timestamp: string;
    containers: { name: string; usage: Record<string, string> }[];
  }[];
}

async function sandboxMetrics(namespace: string): Promise<PodMetricsList> {
  const res = await fetch(`${sb.server}/apis/metrics.k8s.io/v1beta1/namespaces/${namespace}/pods`, {
    headers: { authorization: `Bearer ${sb.token}` },
  });
  return (await res.json()) as PodMetricsList;
}

const usage = (token: string, path = env) => api<EnvironmentUsage>("GET", `${path}/usage`, { token });
const unschedulable = async () => (await readObject(getDb(), NODES, "", NODE))?.spec?.unschedulable === true;

beforeAll(async () => {
  sb = await startReconcilingSandbox();
  root = await sysadminToken();
  await tenantProject(root, t);
  await tenantProject(root, other);
  await sandboxEnvironment(root, project, "shop-dev");
  await sandboxEnvironment(root, `/api/v1/tenants/${other}/projects/shop`, "shop-dev");
  await expectOk(
    api("POST", `${env}/applications`, {
      token: root,
      body: {
        name: "web",
        image: "nginx:1.27",
        replicas: 2,
        resources: { requests: { cpu: "200m", memory: "128Mi" }, limits: { cpu: "400m", memory: "256Mi" } },
      },
    }),
    201,
  );
  await eventually(
    async () => {
      const u = await expectOk(usage(root));
      return u.pods.length === 2 && u.pods.every((p) => p.phase === "Running" && p.usage.cpuMilli !== null) && u;
    },
    30_000,
    "two running pods with metrics",
  );
}, 90_000);
afterAll(async () => {
  // Leave the shared node schedulable for the suites that follow.
  await api("POST", `${nodes}/${NODE}/uncordon`, { token: root });
  await sb?.close();
});

describe("environment usage", () => {
  it("matches what the cluster's metrics API serves, container by container", async () => {
    const { u, served } = await eventually(
      async () => {
        const u = await expectOk(usage(root));
        const served = await sandboxMetrics(u.namespace);
        // Both reads must come from the same 15 s sample.
        return served.items.every((m) => m.timestamp === u.sampledAt) && { u, served };
      },
      30_000,
      "one sample window for both reads",
    );
    expect(u.metricsAvailable).toBe(true);
    expect(u.cluster).toBe("sandbox");
    expect(served.items).toHaveLength(2);
    for (const m of served.items) {
      const pod = u.pods.find((p) => p.name === m.metadata.name)!;
      expect(pod, m.metadata.name).toBeDefined();
      for (const c of m.containers) {
        const mine = pod.containers.find((x) => x.name === c.name)!;
        expect(mine.usage).toEqual(computeOf(c.usage));
        expect(mine.requests).toEqual({ cpuMilli: 200, memoryBytes: 128 * 2 ** 20 });
        expect(mine.limits).toEqual({ cpuMilli: 400, memoryBytes: 256 * 2 ** 20 });
        // The sandbox's curve runs between requests and limits.
        expect(mine.usage.cpuMilli!).toBeGreaterThanOrEqual(200);
        expect(mine.usage.cpuMilli!).toBeLessThanOrEqual(400);
      }
    }
    const totalCpu = served.items.flatMap((m) => m.containers).reduce((n, c) => n + computeOf(c.usage).cpuMilli!, 0);
    expect(u.totals.usage.cpuMilli).toBe(totalCpu);
    expect(u.totals.requests).toEqual({ cpuMilli: 400, memoryBytes: 256 * 2 ** 20 });
    expect(u.totals.limits).toEqual({ cpuMilli: 800, memoryBytes: 512 * 2 ** 20 });
    expect(u.totals.pods).toBe(2);
    expect(u.quota).toEqual({ cpuMilli: 2000, memoryBytes: 4 * 2 ** 30, pods: 10 });
  });

  it("is for readers of the environment; other tenants are told it does not exist", async () => {
    const reader = await person("use-r");
    await expectOk(
      api("POST", `/api/v1/tenants/${t}/members`, { token: root, body: { username: reader.username, role: "member" } }),
      201,
    );
    // A tenant member outside the project may not read it.
    expect((await usage(reader.token)).status).toBe(403);
    await expectOk(
      api("POST", `${project}/members`, { token: root, body: { username: reader.username, role: "dev" } }),
      201,
    );
    expect((await expectOk(usage(reader.token))).pods).toHaveLength(2);

    const stranger = await person("use-s");
    await expectOk(
      api("POST", `/api/v1/tenants/${other}/members`, {
        token: root,
        body: { username: stranger.username, role: "admin" },
      }),
      201,
    );
    // Another tenant's admin, by the tenant's name, by its own tenant's path shape, and a plain user.
    expect((await usage(stranger.token)).status).toBe(404);
    expect((await usage(stranger.token, `/api/v1/tenants/${t}/projects/shop/environments/nope`)).status).toBe(404);
    const own = await expectOk(usage(stranger.token, `/api/v1/tenants/${other}/projects/shop/environments/shop-dev`));
    expect(own.pods).toHaveLength(0);
    expect(own.namespace).not.toBe((await expectOk(usage(root))).namespace);
    const nobody = await person("use-n");
    expect((await usage(nobody.token)).status).toBe(404);
  });
});

describe("cluster nodes", () => {
  it("lists the node with capacity, conditions, its pods and usage, for sysadmins only", async () => {
    const list = await expectOk(api<ClusterNodes>("GET", nodes, { token: root }));
    expect(list.metricsAvailable).toBe(true);
    const node = list.nodes.find((n) => n.name === NODE)!;
    expect(node.ready).toBe(true);
    expect(node.capacity).toEqual({ cpuMilli: 4000, memoryBytes: 16 * 2 ** 30, pods: 110 });
    expect(node.allocatable.cpuMilli).toBe(4000);
    expect(node.podCount).toBeGreaterThanOrEqual(2);
    expect(node.requests.cpuMilli).toBeGreaterThanOrEqual(400);
    expect(node.usage!.cpuMilli).toBeGreaterThan(0);
    expect(node.conditions.map((c) => c.type)).toContain("Ready");
    expect(node.internalIP).toBe("10.0.0.10");

    const admin = await person("use-a");
    await expectOk(
      api("POST", `/api/v1/tenants/${t}/members`, { token: root, body: { username: admin.username, role: "admin" } }),
      201,
    );
    expect((await api("GET", nodes, { token: admin.token })).status).toBe(403);
    expect((await api("GET", "/api/v1/clusters/no-such-cluster/nodes", { token: root })).status).toBe(404);
  });

  it("cordons and uncordons a node, auditing each; others are refused and change nothing", async () => {
    const admin = await person("use-c");
    await expectOk(
      api("POST", `/api/v1/tenants/${t}/members`, { token: root, body: { username: admin.username, role: "admin" } }),
      201,
    );
    for (const token of [admin.token, (await person("use-p")).token]) {
      expect((await api("POST", `${nodes}/${NODE}/cordon`, { token })).status).toBe(403);
      expect(await unschedulable()).toBe(false);
    }

    const cordoned = await expectOk(api("POST", `${nodes}/${NODE}/cordon`, { token: root }));
    expect(cordoned).toEqual({ cluster: "sandbox", node: NODE, unschedulable: true });
    expect(await unschedulable()).toBe(true);
    const listed = await expectOk(api<ClusterNodes>("GET", nodes, { token: root }));
    expect(listed.nodes.find((n) => n.name === NODE)!.unschedulable).toBe(true);

    expect((await api("POST", `${nodes}/${NODE}/uncordon`, { token: admin.token })).status).toBe(403);
    expect(await unschedulable()).toBe(true);
    await expectOk(api("POST", `${nodes}/${NODE}/uncordon`, { token: root }));
    expect(await unschedulable()).toBe(false);

    type Audit = { items: { action: string; target: string; diff: { before: unknown; after: unknown } }[] };
    const audit = (action: string) =>
      expectOk(api<Audit>("GET", `/api/v1/audit?action=${action}&limit=50`, { token: root }));
    const cordonRow = (await audit("clusters.nodes.cordon")).items.find(
      (i) => i.target === `cluster/sandbox/node/${NODE}`,
    );
    expect(cordonRow?.diff).toEqual({ before: { unschedulable: false }, after: { unschedulable: true } });
    const uncordonRow = (await audit("clusters.nodes.uncordon")).items.find(
      (i) => i.target === `cluster/sandbox/node/${NODE}`,
    );
    expect(uncordonRow?.diff).toEqual({ before: { unschedulable: true }, after: { unschedulable: false } });

    // An unknown node is 404 and leaves no audit row of a change.
    expect((await api("POST", `${nodes}/ghost-node/cordon`, { token: root })).status).toBe(404);
    expect((await api("POST", `${nodes}/Not_A_Node/cordon`, { token: root })).status).toBe(404);
    expect((await audit("clusters.nodes.cordon")).items.some((i) => i.target.endsWith("/ghost-node"))).toBe(false);
  });
});
