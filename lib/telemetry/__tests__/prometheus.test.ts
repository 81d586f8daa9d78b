import { freePort } from "@/lib/testing/free-port";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startPrometheus, type TestPrometheus } from "@/lib/testing/prometheus";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@/lib/testing/sandbox-harness";
import { environmentOnOwnCluster } from "@/lib/testing/telemetry-world";
import { api, expectOk, sysadminToken } from "@/lib/testing/world";
import type { MetricLabelsResult, MetricNamesResult, MetricQueryResult } from "../schemas";

// Debian's prometheus binary scrapes a real target (a node:http server exposing metrics for two
// namespaces); the environment's cluster points its metrics at that Prometheus.

describe("the Prometheus backend", () => {
  let target: Server;
  let prometheus: TestPrometheus;
  let root: string;
  let world: Awaited<ReturnType<typeof environmentOnOwnCluster>>;
  let requests = 0;

  beforeAll(async () => {
    root = await sysadminToken();
    world = await environmentOnOwnCluster(root);
    target = createServer((_req, res) => {
      requests += 3;
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
      res.end(
        [
          "# TYPE shop_requests_total counter",
          `shop_requests_total{namespace="${world.namespace}",pod="shop-1",service="shop"} ${requests}`,
          `shop_requests_total{namespace="someone-else",pod="spy-1",service="spy"} 99`,
          "# TYPE other_only_total counter",
          `other_only_total{namespace="someone-else"} 1`,
          "",
        ].join("\n"),
      );
    });
    await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
    const config = `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: shop\n    honor_labels: true\n    static_configs:\n      - targets: ["127.0.0.1:${(target.address() as AddressInfo).port}"]\n`;
    prometheus = await startPrometheus(config, {
      query: "shop_requests_total",
      until: (r) => r.length === 2,
      what: "prometheus to scrape the target",
    });
    await prometheus.serveCluster(root, world.cluster);
  }, 60_000);

  afterAll(async () => {
    await prometheus?.stop();
    await new Promise<void>((resolve) => target?.close(() => resolve()));
  });

  it("answers metric queries with the environment's series only", async () => {
    const now = Date.now();
    // A match on the namespace label cannot widen the query to another namespace.
    const res = await expectOk<MetricQueryResult>(
      api(
        "GET",
        `${world.env}/metrics?metric=shop_requests_total&agg=last&match.namespace=someone-else&start=${now - 120_000}&end=${now}&step=5s`,
        { token: root },
      ),
    );
    expect(res.backend).toBe("prometheus");
    expect(res.series).toHaveLength(1);
    expect(res.series[0]).toMatchObject({
      metric: "shop_requests_total",
      labels: { namespace: world.namespace, pod: "shop-1", service: "shop" },
    });
    expect(res.series[0].points.some(([, v]) => v !== null && v > 0)).toBe(true);
    const rate = await eventually(
      async () => {
        const r = await expectOk<MetricQueryResult>(
          api("GET", `${world.env}/metrics?metric=shop_requests_total&agg=rate&start=${Date.now() - 120_000}&step=5s`, {
            token: root,
          }),
        );
        return r.series[0]?.points.some(([, v]) => v !== null && v > 0) ? r : null;
      },
      20_000,
      "a rate",
    );
    expect(rate.series.map((s) => s.labels.pod)).toEqual(["shop-1"]);
  });

  it("lists metric names and label values of the environment for pickers", async () => {
    const names = await expectOk<MetricNamesResult>(api("GET", `${world.env}/metrics/names`, { token: root }));
    expect(names.backend).toBe("prometheus");
    expect(names.metrics.map((m) => m.name)).toContain("shop_requests_total");
    expect(names.metrics.map((m) => m.name)).not.toContain("other_only_total");
    const labels = await expectOk<MetricLabelsResult>(
      api("GET", `${world.env}/metrics/labels?metric=shop_requests_total`, { token: root }),
    );
    expect(labels.labels).toMatchObject({ pod: ["shop-1"], service: ["shop"], namespace: [world.namespace] });
  });

  it("reports a Prometheus that is down as an upstream failure", async () => {
    await expectOk(
      api("PUT", `/api/v1/clusters/${world.cluster}/telemetry-backends`, {
        token: root,
        body: { prometheus: { url: `http://127.0.0.1:${await freePort()}` } },
      }),
    );
    const res = await api("GET", `${world.env}/metrics/names`, { token: root });
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: "UPSTREAM", upstream: { name: "prometheus", retryable: true } });
  });
});
