import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RowDataPacket } from "mysql2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { freeLoopbackPort } from "@/lib/probes/blackbox/exporter";
import type { ProbeDto, ProbeResults } from "@/lib/probes/schemas";
import { ProbeScheduler } from "@/lib/probes/scheduler/scheduler";
import { drainQueues } from "@/lib/telemetry/store/queues";
import { startBlackbox, type TestBlackbox } from "@/lib/testing/blackbox";
import { buildConfigWorld, type ConfigWorld } from "@/lib/testing/config-world";
import { api, expectOk } from "@/lib/testing/world";

// Probes run through the real blackbox exporter against servers this test starts: success,
// failure with the exporter's reason, success again; the numbers stored are the exporter's.
describe("probe runs through the real blackbox exporter", () => {
  let w: ConfigWorld;
  let bb: TestBlackbox;
  let scheduler: ProbeScheduler;
  let server: Server | null = null;
  let port: number;
  const path = (rest = "") => `${w.env("dev")}/probes${rest}`;

  const serve = () =>
    new Promise<void>((resolve) => {
      server = createServer((req, res) => {
        if (req.url?.startsWith("/to-"))
          return res
            .writeHead(302, { location: req.url === "/to-metadata" ? "http://169.254.169.254/latest/" : "/healthz" })
            .end();
        res.writeHead(req.url === "/teapot" ? 418 : 200, { "content-type": "text/plain" });
        res.end("status: ok\n");
      });
      server.listen(port, "127.0.0.1", () => resolve());
    });
  const stopServing = () =>
    new Promise<void>((resolve) => {
      server!.closeAllConnections();
      server!.close(() => resolve());
    });

  /** Makes the named probes due now and lets one tick run them to the database. */
  async function runNow(...names: string[]) {
    // updated_at kept as it is, so the test can tell that a run leaves it alone.
    await getPool().query(
      "UPDATE probes SET next_run_ms = 1, updated_at = updated_at WHERE name IN (?) AND tenant_id = ?",
      [names, await tenantId()],
    );
    await scheduler.tick();
    await scheduler.settle();
    await drainQueues();
  }
  let tid: number | undefined;
  async function tenantId() {
    if (tid === undefined) {
      const [r] = await getPool().query<RowDataPacket[]>("SELECT id FROM tenants WHERE name = ?", [w.tenant]);
      tid = Number(r[0].id);
    }
    return tid;
  }
  const get = (name: string) => expectOk<ProbeDto>(api("GET", path(`/${name}`), { token: w.reader.token }));

  beforeAll(async () => {
    bb = await startBlackbox();
    w = await buildConfigWorld("prun");
    port = await freeLoopbackPort();
    await serve();
    // Ticks are driven by the test; the timer's own tick is far away.
    scheduler = new ProbeScheduler({ tickMs: 3_600_000, concurrency: 4 });
    scheduler.start();
    await scheduler.settle();
  }, 60_000);
  afterAll(async () => {
    await scheduler?.stop();
    if (server?.listening) await stopServing();
    await bb?.stop();
  });

  it("an HTTP probe shows success, failure with the reason once the server stops, then success again", async () => {
    await expectOk(
      api("POST", path(), {
        token: w.dev.token,
        body: {
          name: "web",
          kind: "http",
          target: `http://127.0.0.1:${port}/healthz`,
          intervalSeconds: 10,
          timeoutSeconds: 3,
          checks: { validStatusCodes: [200], bodyMustMatch: ["status: ok"] },
        },
      }),
      201,
    );
    const before = await get("web");
    await runNow("web");
    let p = await get("web");
    expect(p).toMatchObject({ state: "up", lastStatusCode: 200, lastError: null });
    expect(p.updatedAt).toBe(before.updatedAt); // a run is not an edit
    expect(p.lastLatencyMs).toBeGreaterThanOrEqual(0);
    expect(p.lastRunAt).not.toBeNull();

    await stopServing();
    await runNow("web");
    p = await get("web");
    expect(p.state).toBe("down");
    expect(p.lastError).toMatch(/connection refused/);

    await serve();
    await runNow("web");
    p = await get("web");
    expect(p).toMatchObject({ state: "up", lastError: null });

    // The modules file Facet wrote carries the probe's own checks.
    const modules = readFileSync(join(bb.dataDir, "blackbox", "modules.yml"), "utf8");
    expect(modules).toMatch(/facet_\d+_\d+:/);
    expect(modules).toContain("status: ok");

    const now = Date.now();
    const results = await expectOk<ProbeResults>(
      api("GET", path(`/web/results?start=${now - 120_000}&end=${now + 1000}`), { token: w.reader.token }),
    );
    expect(results.failures).toHaveLength(1);
    expect(results.failures[0].reason).toMatch(/connection refused/);
    expect(results.uptime).toBeCloseTo(2 / 3, 5);
    expect(results.stepMs).toBe(10_000);
    // Phases and status codes come from the exporter's probe_http_duration_seconds{phase}.
    const withPhases = results.points.filter((pt) => pt.phases.connect !== null && pt.phases.processing !== null);
    expect(withPhases.length).toBeGreaterThan(0);
    expect(results.points.some((pt) => pt.statusCode === 200)).toBe(true);
    expect(results.points.some((pt) => pt.success === 0)).toBe(true);
    expect(results.probe.uptime24h).toBeCloseTo(2 / 3, 5);
    const listed = await expectOk<{ items: ProbeDto[] }>(api("GET", path(), { token: w.reader.token }));
    expect(listed.items.find((i) => i.name === "web")).toMatchObject({ state: "up" });
    expect(listed.items.find((i) => i.name === "web")?.uptime7d).toBeCloseTo(2 / 3, 5);

    const [series] = await getPool().query<RowDataPacket[]>(
      `SELECT DISTINCT s.name, JSON_UNQUOTE(JSON_EXTRACT(s.labels, '$.phase')) AS phase,
              JSON_UNQUOTE(JSON_EXTRACT(s.labels, '$.job')) AS job, JSON_UNQUOTE(JSON_EXTRACT(s.labels, '$.instance')) AS instance
         FROM telemetry_metric_series s JOIN telemetry_namespaces n ON n.id = s.ns_id
         JOIN environments e ON e.id = n.environment_id JOIN tenants t ON t.id = e.tenant_id
        WHERE s.service = 'probe/web' AND t.name = ?`,
      [w.tenant],
    );
    const names = new Set(series.map((s) => s.name as string));
    for (const n of [
      "probe_success",
      "probe_duration_seconds",
      "probe_http_status_code",
      "probe_http_duration_seconds",
    ])
      expect(names, n).toContain(n);
    expect(
      series
        .filter((s) => s.name === "probe_http_duration_seconds")
        .map((s) => s.phase)
        .sort(),
    ).toEqual(["connect", "processing", "resolve", "tls", "transfer"]);
    expect(series.every((s) => s.job === "probe/web" && s.instance === `http://127.0.0.1:${port}/healthz`)).toBe(true);
  });

  it("carries the checks to the exporter: a wrong status code and a forbidden body fail with the reason", async () => {
    await expectOk(
      api("POST", path(), {
        token: w.dev.token,
        body: {
          name: "teapot",
          kind: "http",
          target: `http://127.0.0.1:${port}/teapot`,
          intervalSeconds: 10,
          timeoutSeconds: 3,
        },
      }),
      201,
    );
    await expectOk(
      api("POST", path(), {
        token: w.dev.token,
        body: {
          name: "nobody",
          kind: "http",
          target: `http://127.0.0.1:${port}/`,
          intervalSeconds: 10,
          timeoutSeconds: 3,
          checks: { bodyMustNotMatch: ["status: o+k"] },
        },
      }),
      201,
    );
    await runNow("teapot", "nobody");
    const teapot = await get("teapot");
    expect(teapot).toMatchObject({ state: "down", lastStatusCode: 418 });
    expect(teapot.lastError).toMatch(/status code/i);
    const nobody = await get("nobody");
    expect(nobody.state).toBe("down");
    expect(nobody.lastError).toMatch(/regular expression.*status: o\+k/i);

    // Allow 418 and the change reaches the exporter before the next run.
    await expectOk(
      api("PUT", path("/teapot"), {
        token: w.dev.token,
        body: {
          kind: "http",
          target: `http://127.0.0.1:${port}/teapot`,
          intervalSeconds: 10,
          timeoutSeconds: 3,
          checks: { validStatusCodes: [418] },
        },
      }),
    );
    await runNow("teapot");
    expect(await get("teapot")).toMatchObject({ state: "up", lastStatusCode: 418 });
  });

  it("a TCP probe of a closed port fails with the reason; of an open one succeeds", async () => {
    const closed = await freeLoopbackPort();
    await expectOk(
      api("POST", path(), {
        token: w.dev.token,
        body: { name: "db", kind: "tcp", target: `127.0.0.1:${closed}`, intervalSeconds: 10, timeoutSeconds: 2 },
      }),
      201,
    );
    await expectOk(
      api("POST", path(), {
        token: w.dev.token,
        body: { name: "tcp-open", kind: "tcp", target: `127.0.0.1:${port}`, intervalSeconds: 10, timeoutSeconds: 2 },
      }),
      201,
    );
    await runNow("db", "tcp-open");
    const db = await get("db");
    expect(db.state).toBe("down");
    expect(db.lastError).toMatch(/connection refused/);
    expect(await get("tcp-open")).toMatchObject({ state: "up" });
  });

  it("follows redirects only when asked, and then through the egress policy at every hop", async () => {
    const make = (name: string, to: string, followRedirects?: boolean) =>
      expectOk(
        api("POST", path(), {
          token: w.dev.token,
          body: {
            name,
            kind: "http",
            target: `http://127.0.0.1:${port}/${to}`,
            intervalSeconds: 10,
            timeoutSeconds: 3,
            checks: followRedirects === undefined ? {} : { followRedirects },
          },
        }),
        201,
      );
    await make("redir-off", "to-health");
    await make("redir-ok", "to-health", true);
    await make("redir-meta", "to-metadata", true);
    await runNow("redir-off", "redir-ok", "redir-meta");
    expect(await get("redir-off")).toMatchObject({ state: "down", lastStatusCode: 302 });
    expect(await get("redir-ok")).toMatchObject({ state: "up", lastStatusCode: 200 });
    // A public URL that redirects to the metadata service does not reach it.
    const meta = await get("redir-meta");
    expect(meta.state).toBe("down");
    expect(meta.lastStatusCode).toBe(403);
  });

  it("ICMP and DNS probes run through their own modules", async () => {
    const noDns = await freeLoopbackPort();
    await expectOk(
      api("POST", path(), {
        token: w.dev.token,
        body: { name: "ping", kind: "icmp", target: "127.0.0.1", intervalSeconds: 10, timeoutSeconds: 2 },
      }),
      201,
    );
    await expectOk(
      api("POST", path(), {
        token: w.dev.token,
        body: {
          name: "dns",
          kind: "dns",
          target: `127.0.0.1:${noDns}`,
          intervalSeconds: 10,
          timeoutSeconds: 2,
          checks: { dnsQueryName: "shop.example.com", dnsQueryType: "A" },
        },
      }),
      201,
    );
    await runNow("ping", "dns");
    // Root (as here) may open raw ICMP sockets; see TOOLCHAIN gotcha 35 for other users.
    expect(await get("ping")).toMatchObject({ state: "up", lastError: null });
    const dns = await get("dns");
    expect(dns.state).toBe("down");
    expect(dns.lastError).toMatch(/\w/);
    const modules = readFileSync(join(bb.dataDir, "blackbox", "modules.yml"), "utf8");
    expect(modules).toContain("query_name: shop.example.com");
    expect(modules).toContain("prober: icmp");
  });

  it("asks the egress policy again at every run: a target that became forbidden fails without being probed", async () => {
    process.env.FACET_EGRESS_ALLOW_LOOPBACK = "0";
    try {
      await runNow("tcp-open");
    } finally {
      process.env.FACET_EGRESS_ALLOW_LOOPBACK = "1";
    }
    const p = await get("tcp-open");
    expect(p.state).toBe("down");
    expect(p.lastError).toMatch(/egress policy.*loopback/);
  });

  it("a disabled probe is not run", async () => {
    const before = await get("db");
    await expectOk(
      api("PUT", path("/db"), {
        token: w.dev.token,
        body: { kind: "tcp", target: before.target, intervalSeconds: 10, timeoutSeconds: 2, enabled: false },
      }),
    );
    await runNow("db");
    const after = await get("db");
    expect(after.lastRunAt).toBe(before.lastRunAt);
    expect(after.state).toBe("unknown");
  });
});
