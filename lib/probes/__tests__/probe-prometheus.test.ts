import { createServer, type Server } from "node:http";
import { eq } from "drizzle-orm";
import { startPrometheus, type TestPrometheus } from "@/lib/testing/prometheus";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, getPool } from "@/lib/db/client";
import { probes } from "@/lib/db/schema";
import { moduleName } from "@/lib/probes/blackbox/modules";
import type { ProbeDto, ProbeResults } from "@/lib/probes/schemas";
import { ProbeScheduler } from "@/lib/probes/scheduler/scheduler";
import { startBlackbox, type TestBlackbox } from "@/lib/testing/blackbox";
import { eventually } from "@/lib/testing/sandbox-harness";
import { environmentOnOwnCluster } from "@/lib/testing/telemetry-world";
import { api, expectOk, sysadminToken } from "@/lib/testing/world";

// A cluster whose metrics come from Prometheus: the probe page reads probe_* from there
// (query_range with the environment's namespace and job="probe/<name>"), as the real
// Prometheus scrapes the real exporter with the module Facet wrote.
describe("probe results from a Prometheus backend", () => {
  let bb: TestBlackbox;
  let prometheus: TestPrometheus;
  let target: Server;
  let root: string;
  let world: Awaited<ReturnType<typeof environmentOnOwnCluster>>;
  let up = true;

  beforeAll(async () => {
    bb = await startBlackbox();
    root = await sysadminToken();
    world = await environmentOnOwnCluster(root);
    target = createServer((_req, res) => {
      res.writeHead(up ? 200 : 503);
      res.end("ok\n");
    });
    await new Promise<void>((r) => target.listen(0, "127.0.0.1", r));
    const site = `http://127.0.0.1:${(target.address() as { port: number }).port}/`;
    await expectOk(
      api("POST", `${world.env}/probes`, {
        token: root,
        body: { name: "web", kind: "http", target: site, intervalSeconds: 10, timeoutSeconds: 2 },
      }),
      201,
    );
    // One run by Facet writes the module into the exporter's file.
    const [row] = await getDb().select().from(probes).where(eq(probes.target, site));
    await getPool().query("UPDATE probes SET next_run_ms = 1 WHERE id = ?", [row.id]);
    const s = new ProbeScheduler({ tickMs: 3_600_000 });
    s.start();
    await s.settle();
    await s.stop();

    const config = [
      "global:",
      "  scrape_interval: 1s",
      "  scrape_timeout: 1s",
      "scrape_configs:",
      '  - job_name: "probe/web"',
      "    metrics_path: /probe",
      "    params:",
      `      module: [${moduleName(row)}]`,
      `      target: ["${site}"]`,
      "    static_configs:",
      `      - targets: ["${bb.url.replace("http://", "")}"]`,
      `        labels: {namespace: "${world.namespace}"}`,
      "",
    ].join("\n");
    prometheus = await startPrometheus(config, {
      query: "probe_success",
      until: (r) => r.length > 0,
      what: "prometheus to scrape the exporter",
    });
    await prometheus.serveCluster(root, world.cluster);
  }, 90_000);

  afterAll(async () => {
    await prometheus?.stop();
    await new Promise<void>((r) => target?.close(() => r()));
    await bb?.stop();
  });

  it("reads latency by phase, status codes and uptime from Prometheus, and sees the failures it scraped", async () => {
    // Facet itself ran the probe once: anything beyond one point came from Prometheus.
    const ok = await eventually(
      async () => {
        const now = Date.now();
        const r = await expectOk<ProbeResults>(
          api("GET", `${world.env}/probes/web/results?start=${now - 60_000}&end=${now}`, { token: root }),
        );
        return r.points.filter((p) => p.success === 1).length >= 2 ? r : null;
      },
      30_000,
      "two successful points from Prometheus",
    );
    expect(ok.uptime).toBe(1);
    expect(ok.points.some((p) => p.statusCode === 200 && p.phases.connect !== null && p.durationMs !== null)).toBe(
      true,
    );
    const list = await expectOk<{ items: ProbeDto[] }>(api("GET", `${world.env}/probes`, { token: root }));
    expect(list.items[0].uptime24h).toBe(1);

    up = false;
    const down = await eventually(
      async () => {
        const now = Date.now();
        const r = await expectOk<ProbeResults>(
          api("GET", `${world.env}/probes/web/results?start=${now - 60_000}&end=${now + 10_000}`, { token: root }),
        );
        return r.points.some((p) => p.success === 0 && p.statusCode === 503) ? r : null;
      },
      40_000,
      "a failed point from Prometheus",
    );
    expect(down.uptime).toBeLessThan(1);
  }, 90_000);
});
