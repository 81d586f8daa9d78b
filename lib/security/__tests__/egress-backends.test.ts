import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NacosHttpBackend } from "@/lib/config-center/backend/nacos-http/backend";
import type { ConfigLocation } from "@/lib/config-center/backend/types";
import { getDb } from "@/lib/db/client";
import { clusters, configBackends, telemetryBackends } from "@/lib/db/schema";
import { environmentOnOwnCluster } from "@/lib/testing/telemetry-world";
import { api, expectOk, sysadminToken } from "@/lib/testing/world";

// Class 10 of the security issue for telemetry backends (Prometheus, Loki, Jaeger) and an
// external Nacos: addresses at cloud metadata, link-local, private ranges and loopback are
// refused by default, however the address is spelled (decimal, hex, octal, IPv4-mapped IPv6, a
// DNS name that resolves there) — when saved (422 naming the field) and again when Facet
// connects (a stored or re-pointed address reaches nothing). Tests normally allow loopback
// (vitest.config.ts); the refusal cases switch it off.

const KINDS = ["prometheus", "loki", "jaeger"] as const;

/** Addresses refused by default; `port` is a live loopback listener that must never be hit. */
const refused = (port: number) => [
  "http://169.254.169.254",
  "http://169.254.169.254/latest/meta-data/iam/",
  "http://[::ffff:169.254.169.254]",
  "http://[::ffff:a9fe:a9fe]",
  "http://2852039166",
  "http://0xa9.0xfe.0xa9.0xfe",
  "http://[fd00:ec2::254]",
  "http://100.100.100.200",
  "http://169.254.1.1:9090",
  "http://0.0.0.0:9090",
  "http://10.0.0.1:9090",
  "http://10.255.255.254:3100",
  "http://172.16.5.4:16686",
  "http://192.168.1.20:9090",
  "http://0xc0.0xa8.1.20:9090",
  "http://[fc00::1]:9090",
  "http://[::ffff:10.0.0.1]:9090",
  `http://127.0.0.1:${port}`,
  `http://127.1.2.3:${port}`,
  `http://localhost:${port}`,
  `http://LOCALHOST.:${port}`,
  `http://2130706433:${port}`,
  `http://0x7f000001:${port}`,
  `http://0x7f.1:${port}`,
  `http://0177.0.0.1:${port}`,
  `http://[::1]:${port}`,
  `http://[::ffff:127.0.0.1]:${port}`,
  `http://[0:0:0:0:0:ffff:7f00:1]:${port}`,
];

describe("egress policy for telemetry backends and external Nacos", () => {
  let root: string;
  let world: Awaited<ReturnType<typeof environmentOnOwnCluster>>;
  let privateWorld: Awaited<ReturnType<typeof environmentOnOwnCluster>>;
  let listener: Server;
  let port: number;
  let hits = 0;
  const saved = process.env.FACET_EGRESS_ALLOW_LOOPBACK;

  beforeAll(async () => {
    root = await sysadminToken();
    world = await environmentOnOwnCluster(root);
    privateWorld = await environmentOnOwnCluster(root);
    await getDb().update(clusters).set({ egressPrivateAllowed: true }).where(eq(clusters.name, privateWorld.cluster));
    listener = createServer((_, res) => {
      hits++;
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ status: "success", data: ["leaked_metric"] }));
    });
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    port = (listener.address() as AddressInfo).port;
  });
  afterEach(() => {
    process.env.FACET_EGRESS_ALLOW_LOOPBACK = saved;
  });
  afterAll(async () => {
    process.env.FACET_EGRESS_ALLOW_LOOPBACK = saved;
    await new Promise<void>((resolve) => listener?.close(() => resolve()));
  });

  const putBackends = (cluster: string, body: unknown) =>
    api<{ code: string; errors: { path: string; message: string }[] }>(
      "PUT",
      `/api/v1/clusters/${cluster}/telemetry-backends`,
      { token: root, body },
    );
  const putNacos = (cluster: string, address: string) =>
    api<{ code: string; errors: { path: string; message: string }[] }>(
      "PUT",
      `/api/v1/clusters/${cluster}/config-backend`,
      { token: root, body: { kind: "nacos", address } },
    );
  const stored = async (cluster: string) => {
    const [c] = await getDb().select({ id: clusters.id }).from(clusters).where(eq(clusters.name, cluster));
    return {
      telemetry: await getDb().select().from(telemetryBackends).where(eq(telemetryBackends.clusterId, c.id)),
      nacos: await getDb().select().from(configBackends).where(eq(configBackends.clusterId, c.id)),
    };
  };

  it("refuses every such address for Prometheus, Loki and Jaeger at save time with 422 naming the field", async () => {
    process.env.FACET_EGRESS_ALLOW_LOOPBACK = "0";
    const addresses = refused(port);
    for (const [i, url] of addresses.entries()) {
      const kind = KINDS[i % KINDS.length];
      const res = await putBackends(world.cluster, { [kind]: { url } });
      expect(res.status, url).toBe(422);
      expect(res.body, url).toMatchObject({
        code: "VALIDATION",
        errors: [expect.objectContaining({ path: `body.${kind}.url` })],
      });
    }
    // All three at once: the first refused field is named, and nothing is saved.
    const all = await putBackends(world.cluster, {
      prometheus: { url: "http://8.8.8.8:9090" },
      loki: { url: `http://localhost:${port}` },
      jaeger: { url: "http://10.1.1.1" },
    });
    expect(all.status).toBe(422);
    expect(all.body.errors[0].path).toBe("body.loki.url");
    expect((await stored(world.cluster)).telemetry).toEqual([]);
    expect(hits).toBe(0);
  });

  it("refuses every such address for an external Nacos before probing it", async () => {
    process.env.FACET_EGRESS_ALLOW_LOOPBACK = "0";
    for (const address of refused(port)) {
      const res = await putNacos(world.cluster, address.replace(/\/latest\/.*$/, ""));
      expect(res.status, address).toBe(422);
      expect(res.body, address).toMatchObject({
        code: "VALIDATION",
        errors: [expect.objectContaining({ path: "body.address" })],
      });
    }
    expect((await stored(world.cluster)).nacos).toEqual([]);
    expect(hits).toBe(0);
  });

  it("refuses at request time too: a stored address that points at loopback or a private range reaches nothing", async () => {
    // Saved while loopback was allowed (or a name that later resolves elsewhere)…
    await expectOk(
      putBackends(world.cluster, {
        prometheus: { url: `http://127.0.0.1:${port}` },
        loki: { url: `http://localhost:${port}` },
        jaeger: { url: `http://[::ffff:127.0.0.1]:${port}` },
      }),
    );
    const before = hits;
    process.env.FACET_EGRESS_ALLOW_LOOPBACK = "0";
    for (const path of ["metrics/names", "logs", "traces?service=shop", "traces/0af7651916cd43dd8448eb211c80319c"]) {
      const res = await api("GET", `${world.env}/${path}`, { token: root });
      expect(res.status, path).toBe(502);
      expect(res.body, path).toMatchObject({ code: "UPSTREAM", upstream: { retryable: false } });
      expect(JSON.stringify(res.body), path).not.toContain("leaked_metric");
    }
    // …and a row written straight to the database, bypassing the save check.
    const [c] = await getDb().select({ id: clusters.id }).from(clusters).where(eq(clusters.name, world.cluster));
    await getDb()
      .update(telemetryBackends)
      .set({ url: "http://10.0.0.7:9090" })
      .where(eq(telemetryBackends.clusterId, c.id));
    for (const path of ["metrics/names", "logs"])
      expect((await api("GET", `${world.env}/${path}`, { token: root })).status, path).toBe(502);
    expect(hits).toBe(before);
    await expectOk(putBackends(world.cluster, { prometheus: null, loki: null, jaeger: null }));
  });

  it("an external Nacos client refuses loopback, private, metadata and mapped addresses when it connects", async () => {
    process.env.FACET_EGRESS_ALLOW_LOOPBACK = "0";
    const loc: ConfigLocation = {
      tenantId: 0,
      projectId: 0,
      environmentId: 0,
      clusterId: 0,
      namespace: "ns",
      group: "DEFAULT_GROUP",
    };
    for (const serverAddr of [
      `http://127.0.0.1:${port}`,
      `http://localhost:${port}`,
      `http://2130706433:${port}`,
      `http://[::1]:${port}`,
      "http://169.254.169.254",
      "http://10.0.0.3:8848",
      "http://192.168.0.9:8848",
    ]) {
      const backend = new NacosHttpBackend({ serverAddr, timeoutMs: 2_000 });
      await expect(backend.get(loc, "db.yaml"), serverAddr).rejects.toMatchObject({
        code: "UPSTREAM",
        options: { upstream: { name: "nacos", retryable: false } },
      });
    }
    expect(hits).toBe(0);
  });

  it("allows private ranges only on a cluster whose sysadmin allowed them; metadata, link-local and loopback stay refused there", async () => {
    process.env.FACET_EGRESS_ALLOW_LOOPBACK = "0";
    // Allowed by policy, then simply not answering (a blackholed private address): saved.
    const ok = await putBackends(privateWorld.cluster, {
      prometheus: { url: "http://10.255.255.1:9090" },
      loki: { url: "http://192.168.254.254:3100" },
      jaeger: { url: "http://[fd12:3456::1]:16686" },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    for (const url of [
      "http://169.254.169.254",
      "http://[::ffff:169.254.169.254]",
      "http://169.254.10.10",
      `http://127.0.0.1:${port}`,
      `http://localhost:${port}`,
      "http://0.0.0.0",
    ]) {
      const res = await putBackends(privateWorld.cluster, { prometheus: { url } });
      expect(res.status, url).toBe(422);
      const nacos = await putNacos(privateWorld.cluster, url);
      expect(nacos.status, url).toBe(422);
    }
    // The same private address on a cluster without the allowance is refused.
    expect((await putBackends(world.cluster, { prometheus: { url: "http://10.255.255.1:9090" } })).status).toBe(422);
    await expectOk(putBackends(privateWorld.cluster, { prometheus: null, loki: null, jaeger: null }));
    expect(hits).toBe(0);
  });

  it("reaches loopback when configuration allows it (as the tests and single-machine setups do)", async () => {
    process.env.FACET_EGRESS_ALLOW_LOOPBACK = "1";
    await expectOk(putBackends(world.cluster, { prometheus: { url: `http://127.0.0.1:${port}` } }));
    const names = await expectOk<{ metrics: { name: string }[] }>(
      api("GET", `${world.env}/metrics/names`, { token: root }),
    );
    expect(names.metrics.map((m) => m.name)).toEqual(["leaked_metric"]);
    expect(hits).toBeGreaterThan(0);
    await expectOk(putBackends(world.cluster, { prometheus: null }));
  });
});
