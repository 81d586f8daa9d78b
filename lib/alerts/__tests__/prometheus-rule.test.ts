import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startPrometheus, type TestPrometheus } from "@/lib/testing/prometheus";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eventually } from "@/lib/testing/sandbox-harness";
import { environmentOnOwnCluster } from "@/lib/testing/telemetry-world";
import { api, expectOk, sysadminToken } from "@/lib/testing/world";
import type { AlertNotification } from "../notification";
import type { AlertDto, AlertRuleDto } from "../schemas";

// A raw PromQL rule evaluated by Debian's real Prometheus, scraping a target that exposes the
// same metric for the environment's namespace and for another one: only the environment's fires.

const sent = vi.hoisted(() => [] as AlertNotification[]);
vi.mock("../channels/enqueue-notifications", () => ({
  enqueueNotifications: vi.fn(async (_tx: unknown, batch: AlertNotification[]) => {
    sent.push(...batch);
  }),
}));
const { runRound } = await import("../evaluate/run-round");

describe("raw PromQL rules on a Prometheus backend", () => {
  let target: Server;
  let prometheus: TestPrometheus;
  let root: string;
  let world: Awaited<ReturnType<typeof environmentOnOwnCluster>>;
  let queueDepth = 7;

  beforeAll(async () => {
    root = await sysadminToken();
    world = await environmentOnOwnCluster(root);
    target = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
      res.end(
        [
          "# TYPE shop_queue_depth gauge",
          `shop_queue_depth{namespace="${world.namespace}",pod="shop-1"} ${queueDepth}`,
          `shop_queue_depth{namespace="someone-else",pod="spy-1"} 99`,
          "",
        ].join("\n"),
      );
    });
    await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
    prometheus = await startPrometheus(
      `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: shop\n    honor_labels: true\n    static_configs:\n      - targets: ["127.0.0.1:${(target.address() as AddressInfo).port}"]\n`,
      {
        query: "shop_queue_depth",
        until: (r) => r.length === 2,
        what: "prometheus to scrape the target",
      },
    );
    await prometheus.serveCluster(root, world.cluster);
  }, 60_000);

  afterAll(async () => {
    await prometheus?.stop();
    await new Promise<void>((resolve) => target?.close(() => resolve()));
  });

  it("evaluates the scoped expression: fires for the environment's series only, and resolves", async () => {
    const rule = await expectOk<AlertRuleDto>(
      api("POST", `${world.env}/alert-rules`, {
        token: root,
        body: {
          name: "queue-depth",
          kind: "metric",
          message: "{{ $labels.pod }} has {{ $value }} queued",
          levels: [{ op: ">", value: 5, severity: "warning" }],
          metric: { promql: "max by (pod, namespace) (shop_queue_depth)" },
        },
      }),
      201,
    );
    expect(rule.expr).toBe(`max by (pod, namespace) (shop_queue_depth{namespace="${world.namespace}"})`);
    await runRound();
    const firing = (
      await expectOk<{ items: AlertDto[] }>(api("GET", `${world.env}/alerts?state=firing`, { token: root }))
    ).items;
    expect(firing).toHaveLength(1);
    expect(firing[0]).toMatchObject({ value: 7, message: "shop-1 has 7 queued", labels: { pod: "shop-1" } });
    expect(sent.filter((n) => n.ruleName === "queue-depth")).toHaveLength(1);

    queueDepth = 1;
    await eventually(
      async () => {
        await runRound();
        const items = (await expectOk<{ items: AlertDto[] }>(api("GET", `${world.env}/alerts`, { token: root }))).items;
        return items.every((a) => a.state === "resolved");
      },
      20_000,
      "the alert to resolve",
    );
    expect(sent.filter((n) => n.ruleName === "queue-depth").map((n) => n.status)).toEqual(["firing", "resolved"]);
  });
});
