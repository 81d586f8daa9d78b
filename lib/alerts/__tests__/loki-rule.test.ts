import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { environmentOnOwnCluster } from "@/lib/testing/telemetry-world";
import { api, expectOk, sysadminToken } from "@/lib/testing/world";
import type { AlertNotification } from "../notification";
import type { AlertDto, AlertRuleDto } from "../schemas";

// A log rule on a cluster whose logs are in Loki: the instant query Facet sends is the rule's
// scoped LogQL (Debian has no Loki; a node:http server answers as Loki's /loki/api/v1/query does).

const sent = vi.hoisted(() => [] as AlertNotification[]);
vi.mock("../channels/enqueue-notifications", () => ({
  enqueueNotifications: vi.fn(async (_tx: unknown, batch: AlertNotification[]) => {
    sent.push(...batch);
  }),
}));
const { runRound } = await import("../evaluate/run-round");

describe("log rules on a Loki backend", () => {
  let loki: Server;
  let root: string;
  let world: Awaited<ReturnType<typeof environmentOnOwnCluster>>;
  const queries: URL[] = [];
  let count: number | null = 4;

  beforeAll(async () => {
    root = await sysadminToken();
    world = await environmentOnOwnCluster(root);
    loki = createServer((req, res) => {
      const url = new URL(req.url!, "http://loki");
      queries.push(url);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          status: "success",
          data: {
            resultType: "vector",
            result: count === null ? [] : [{ metric: {}, value: [Date.now() / 1000, String(count)] }],
          },
        }),
      );
    });
    await new Promise<void>((resolve) => loki.listen(0, "127.0.0.1", resolve));
    await expectOk(
      api("PUT", `/api/v1/clusters/${world.cluster}/telemetry-backends`, {
        token: root,
        body: { loki: { url: `http://127.0.0.1:${(loki.address() as AddressInfo).port}`, namespaceLabel: "k8s_ns" } },
      }),
    );
  });
  afterAll(async () => new Promise<void>((resolve) => loki?.close(() => resolve())));

  it("asks Loki for the rule's scoped LogQL, fires on its count and resolves on an empty answer", async () => {
    const rule = await expectOk<AlertRuleDto>(
      api("POST", `${world.env}/alert-rules`, {
        token: root,
        body: {
          name: "panics",
          kind: "log",
          levels: [{ op: ">", value: 2, severity: "error" }],
          // Any stream label may be matched in Loki (the embedded store knows service and pod only).
          log: { matchers: { container: "api" }, regex: "panic: .*", windowSeconds: 120 },
        },
      }),
      201,
    );
    expect(rule.expr).toBe(
      `sum(count_over_time({k8s_ns="${world.namespace}", container="api"} |~ "panic: .*" [120s]))`,
    );
    await runRound();
    const query = queries.find((q) => q.pathname === "/loki/api/v1/query")!;
    expect(query.searchParams.get("query")).toBe(rule.expr);
    const firing = (
      await expectOk<{ items: AlertDto[] }>(api("GET", `${world.env}/alerts?state=firing`, { token: root }))
    ).items;
    expect(firing).toHaveLength(1);
    expect(firing[0]).toMatchObject({ rule: "panics", value: 4 });

    count = null;
    await runRound();
    const all = (await expectOk<{ items: AlertDto[] }>(api("GET", `${world.env}/alerts`, { token: root }))).items;
    expect(all[0].state).toBe("resolved");
    expect(sent.filter((n) => n.ruleName === "panics").map((n) => n.status)).toEqual(["firing", "resolved"]);
  });
});
