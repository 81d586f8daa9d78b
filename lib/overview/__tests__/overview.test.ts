import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seal } from "@/lib/crypto/secret-box";
import { getDb } from "@/lib/db/client";
import { clusters, tenantQuotas, tenants } from "@/lib/db/schema";
import { summarizeCluster } from "@/lib/overview/cluster-summary";
import type { MyOverview, SystemOverview } from "@/lib/overview/schemas";
import { renderKubeconfig } from "@/lib/sandbox/credentials";
import { ingestTraces } from "@/lib/telemetry/ingest/ingest-traces";
import { decodeTracesJson } from "@/lib/telemetry/otlp/decode-json";
import { uniqueName } from "@/lib/testing/factories";
import { startReconcilingSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { otlpTraces, spanId, traceId } from "@/lib/testing/telemetry-world";
import { api, expectOk, person, sandboxEnvironment, sysadminToken, tenantProject } from "@/lib/testing/world";

// GET /api/v1/overview: the sysadmin's installation view and everyone else's own corner,
// against the sandbox cluster, a cluster that never answers, and a second tenant that must stay invisible.

let sb: Sandbox;
let hanging: Server;
const sockets: Socket[] = [];
let root: string;
const A = uniqueName("ova");
const B = uniqueName("ovb");
const hangName = uniqueName("hang");
const A_SERVICE = uniqueName("a-svc");
const B_SERVICE = uniqueName("b-secret");
type Who = { username: string; token: string };
let alice: Who; // tenant member of A, project dev there: reads A's environments
let carol: Who; // tenant member of A only
let bob: Who; // tenant admin of B

/** A sysadmin's context, as the route gives the verb. */
const systemCtx = () =>
  ({
    actor: { id: 0, username: "root", systemRole: "sysadmin", tokenScope: null },
    scope: {},
    requestId: "overview-test",
    clientAddress: null,
  }) as unknown as Parameters<typeof summarizeCluster>[0];
const overview = <T>(token: string) => expectOk(api<T>("GET", "/api/v1/overview", { token }));

async function environmentNamespace(path: string): Promise<string> {
  return (await expectOk(api<{ namespace: string }>("GET", path, { token: root }))).namespace;
}

/** APM data: `calls` spans of `service` in `namespace`, `errors` of them failed. */
async function seedCalls(namespace: string, service: string, calls: number, errors: number) {
  const [sandbox] = await getDb().select({ id: clusters.id }).from(clusters).where(eq(clusters.name, "sandbox"));
  const now = Date.now();
  const spans = Array.from({ length: calls }, (_, i) => ({
    traceId: traceId(),
    spanId: spanId(),
    name: "GET /",
    startMs: now - 60_000 - i * 10,
    durationMs: 20 + i,
    error: i < errors,
  }));
  await ingestTraces(
    { tokenId: 0, clusterId: sandbox.id, pinnedNamespace: namespace },
    decodeTracesJson(otlpTraces({ "service.name": service }, spans)),
  );
}

async function member(tenant: string, username: string, role: "admin" | "member") {
  await expectOk(api("POST", `/api/v1/tenants/${tenant}/members`, { token: root, body: { username, role } }), 201);
}

beforeAll(async () => {
  process.env.FACET_OVERVIEW_CLUSTER_TIMEOUT_MS = "1000";
  sb = await startReconcilingSandbox();
  root = await sysadminToken();
  // A cluster that accepts connections and never answers.
  hanging = createServer((s) => sockets.push(s));
  await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
  await getDb()
    .insert(clusters)
    .values({
      name: hangName,
      kind: "imported",
      server: origin,
      egressPrivateAllowed: true,
      kubeconfig: seal(renderKubeconfig({ origin, token: "fsb_x" })),
    });

  const projectA = await tenantProject(root, A);
  const projectB = await tenantProject(root, B);
  const envA = await sandboxEnvironment(root, projectA, "web-dev");
  const envB = await sandboxEnvironment(root, projectB, "secret-dev", "dev", {
    cpu: "8",
    memory: "16Gi",
    storage: "10Gi",
    pods: "20",
  });
  // B's quota is full (its environment holds all of it), so B ranks among the fullest tenants
  // however many tenants earlier test files left.
  await expectOk(
    api("PUT", `/api/v1/tenants/${B}/quotas/sandbox`, {
      token: root,
      body: { cpu: "8", memory: "16Gi", storage: "10Gi", pods: "20" },
    }),
  );
  alice = await person("alice");
  carol = await person("carol");
  bob = await person("bob");
  await member(A, alice.username, "member");
  await member(A, carol.username, "member");
  await member(B, bob.username, "admin");
  await expectOk(
    api("POST", `${projectA}/members`, { token: root, body: { username: alice.username, role: "dev" } }),
    201,
  );
  await seedCalls(await environmentNamespace(envA), A_SERVICE, 10, 1);
  await seedCalls(await environmentNamespace(envB), B_SERVICE, 10, 9);
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => hanging?.close(() => resolve()));
  await sb?.close();
});

describe("sysadmin", () => {
  let o: SystemOverview;
  let took: number;
  beforeAll(async () => {
    const started = Date.now();
    o = await overview<SystemOverview>(root);
    took = Date.now() - started;
  }, 60_000);

  it("sees the sandbox cluster reachable, with capacity, allocated and used", () => {
    expect(o.kind).toBe("system");
    const sandbox = o.clusters.find((c) => c.name === "sandbox")!;
    expect(sandbox.reachable).toBe(true);
    expect(sandbox.error).toBeNull();
    expect(sandbox.nodes).toBeGreaterThan(0);
    expect(sandbox.readyNodes).toBeGreaterThan(0);
    expect(sandbox.capacity!.cpuMilli).toBeGreaterThan(0);
    expect(sandbox.capacity!.memoryBytes).toBeGreaterThan(0);
    expect(sandbox.allocated).not.toBeNull();
  });

  it("sees a cluster that never answers as unreachable, within the timeout, without failing the rest", async () => {
    // The page considers the oldest clusters; earlier test files may have made ten before this
    // one, so the hanging cluster is summarized as the page would, and the page's time is checked.
    const [row] = await getDb().select().from(clusters).where(eq(clusters.name, hangName));
    const started = Date.now();
    const hang = await summarizeCluster(systemCtx(), row);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(hang.reachable).toBe(false);
    expect(hang.error).toMatch(/did not answer within 1 s/);
    expect(hang.capacity).toBeNull();
    // Every considered cluster answered or timed out: far below the client's own 8 s timeout.
    expect(took).toBeLessThan(7_000);
    expect(o.clusters.find((c) => c.name === "sandbox")?.reachable).toBe(true);
  });

  it("sees both tenants' quotas: environment quotas allocated against the hard limit", () => {
    const b = o.tenants.find((t) => t.tenant === B)!;
    const q = b.quotas.find((x) => x.cluster === "sandbox")!;
    expect(q.hard.cpuMilli).toBe(8_000);
    expect(q.used.cpuMilli).toBe(8_000);
    expect(q.used.memoryBytes).toBe(16 * 1024 ** 3);
    expect(b.peak).toBeCloseTo(1);
    // The fullest first, across every tenant with a quota.
    const peaks = o.tenants.map((t) => t.peak);
    expect(peaks).toEqual([...peaks].sort((x, y) => y - x));
  });

  it("sees the latest audit events and the worst services first", () => {
    expect(o.audit.length).toBeGreaterThan(0);
    expect(o.audit.length).toBeLessThanOrEqual(10);
    expect(o.audit.map((e) => e.id)).toEqual([...o.audit.map((e) => e.id)].sort((x, y) => y - x));
    const worst = o.services.find((s) => s.service === B_SERVICE)!;
    expect(worst.errorRate).toBeCloseTo(0.9);
    expect(worst.env).toEqual({ tenant: B, project: "shop", environment: "secret-dev" });
    const a = o.services.find((s) => s.service === A_SERVICE)!;
    expect(o.services.indexOf(worst)).toBeLessThan(o.services.indexOf(a));
  });
});

describe("a tenant's member", () => {
  it("sees only their own tenant, environments and services", async () => {
    const o = await overview<MyOverview>(alice.token);
    expect(o.kind).toBe("mine");
    expect(o.tenants).toEqual([{ tenant: A, role: "member", quotas: null }]);
    expect(o.environments.map((e) => e.env)).toEqual([{ tenant: A, project: "shop", environment: "web-dev" }]);
    const env = o.environments[0];
    expect(env.error).toBeNull();
    expect(env.quota).toEqual({ cpuMilli: 2000, memoryBytes: 4 * 1024 ** 3, pods: 10 });
    expect(o.services.map((s) => s.service)).toEqual([A_SERVICE]);
    expect(o.services[0].errorRate).toBeCloseTo(0.1);
    // Nothing of tenant B: not its name, its environment, its service, nor its quota numbers.
    const text = JSON.stringify(o);
    for (const secret of [B, "secret-dev", B_SERVICE, hangName]) expect(text).not.toContain(secret);
    expect(o).not.toHaveProperty("clusters");
  });

  it("who is no admin sees only their own actions", async () => {
    const o = await overview<MyOverview>(alice.token);
    expect(o.auditSource).toBe("own");
    expect(o.audit.every((e) => e.actor === alice.username)).toBe(true);
  });

  it("who is in no project sees the tenant but no environments, services or quotas", async () => {
    const o = await overview<MyOverview>(carol.token);
    expect(o.tenants).toEqual([{ tenant: A, role: "member", quotas: null }]);
    expect(o.environments).toEqual([]);
    expect(o.services).toEqual([]);
    expect(JSON.stringify(o)).not.toContain(B);
  });

  it("who is no member of any tenant sees nothing of anyone", async () => {
    const outsider = await person("nobody");
    const o = await overview<MyOverview>(outsider.token);
    expect(o.tenants).toEqual([]);
    expect(o.environments).toEqual([]);
    expect(o.services).toEqual([]);
    expect(o.audit).toEqual([]);
    const text = JSON.stringify(o);
    for (const secret of [A, B, A_SERVICE, B_SERVICE, "sandbox"]) expect(text).not.toContain(secret);
  });
});

describe("a tenant admin", () => {
  it("sees their tenant's quotas and audit rows, and nothing of the other tenant", async () => {
    const o = await overview<MyOverview>(bob.token);
    expect(o.tenants.map((t) => t.tenant)).toEqual([B]);
    const q = o.tenants[0].quotas!.find((x) => x.cluster === "sandbox")!;
    expect(q.used.cpuMilli).toBe(8_000);
    expect(o.auditSource).toBe("tenant");
    expect(o.audit.length).toBeGreaterThan(0);
    expect(o.audit.every((e) => e.tenant === B)).toBe(true);
    expect(o.services.map((s) => s.service)).toEqual([B_SERVICE]);
    const text = JSON.stringify(o);
    for (const secret of [A, "web-dev", A_SERVICE, alice.username]) expect(text).not.toContain(secret);
  });
});

describe("bounds", () => {
  it("considers at most 10 clusters and 20 tenants, shows at most 10 of them and 10 services", async () => {
    const extra = Array.from({ length: 11 }, () => ({
      name: uniqueName("zz-cap"),
      kind: "imported" as const,
      server: "http://127.0.0.1:9",
    }));
    await getDb().insert(clusters).values(extra);
    const capTenants = Array.from({ length: 21 }, () => ({ name: uniqueName("zz-cap") }));
    await getDb().insert(tenants).values(capTenants);
    const [sandbox] = await getDb().select().from(clusters).where(eq(clusters.name, "sandbox"));
    const made = await getDb()
      .select({ id: tenants.id })
      .from(tenants)
      .where(
        inArray(
          tenants.name,
          capTenants.map((t) => t.name),
        ),
      );
    await getDb()
      .insert(tenantQuotas)
      .values(
        made.map((t) => ({ tenantId: t.id, clusterId: sandbox.id, cpuMilli: 1000, memoryBytes: 1024 ** 3, pods: 5 })),
      );
    const o = await overview<SystemOverview>(root);
    expect(o.clusters.length).toBe(10);
    expect(o.truncated.clusters).toBe(true);
    expect(o.tenants.length).toBeLessThanOrEqual(10);
    expect(o.truncated.tenants).toBe(true);
    expect(o.services.length).toBeLessThanOrEqual(10);
    expect(o.audit.length).toBeLessThanOrEqual(10);
    // Clusters without credentials are unreachable with the reason, not an error of the page.
    const [noCreds] = await getDb().select().from(clusters).where(eq(clusters.name, extra[0].name));
    expect((await summarizeCluster(systemCtx(), noCreds)).error).toMatch(/no credentials/);
  }, 60_000);

  it("answers 401 to a token that is not one", async () => {
    const res = await api("GET", "/api/v1/overview", { token: "not-a-token" });
    expect(res.status).toBe(401);
  });
});
