import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Leadership } from "@/lib/db/leadership";
import { eventually } from "@/lib/testing/sandbox-harness";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { otlpLogs, postOtlp, telemetryWorld, type TelemetryWorld } from "@/lib/testing/telemetry-world";
import { api, expectOk } from "@/lib/testing/world";
import type { AlertNotification } from "../notification";
import type { AlertDto } from "../schemas";

// The leader's loop in real time with a one-second interval (FACET_ALERT_EVAL_SECONDS): a log
// rule on |~ "ERROR" fires within two rounds of such lines arriving through the OTLP receiver,
// and the notification is handed over in the same round.

const sent = vi.hoisted(() => [] as AlertNotification[]);
vi.mock("../channels/enqueue-notifications", () => ({
  enqueueNotifications: vi.fn(async (_tx: unknown, batch: AlertNotification[]) => {
    sent.push(...batch);
  }),
}));

describe("the evaluation loop", () => {
  let server: RouteServer;
  let w: TelemetryWorld;
  let leadership: Leadership | undefined;

  beforeAll(async () => {
    process.env.FACET_ALERT_EVAL_SECONDS = "1";
    server = await startRouteServer();
    w = await telemetryWorld("all");
  });
  afterAll(async () => {
    await leadership?.resign();
    const { evaluatorIdle } = await import("../evaluate/loop");
    await evaluatorIdle();
    delete process.env.FACET_ALERT_EVAL_SECONDS;
    await server?.close();
  });

  it('fires a log rule on |~ "ERROR" within two rounds after the lines arrive', async () => {
    await expectOk(
      api("POST", `${w.env("a")}/alert-rules`, {
        token: w.root,
        body: {
          name: "loop-errors",
          kind: "log",
          levels: [{ op: ">", value: 0, severity: "error" }],
          log: { matchers: { service: "api" }, regex: "ERROR", windowSeconds: 120 },
        },
      }),
      201,
    );
    const { leadAlertEvaluator } = await import("../evaluate/leader");
    leadership = leadAlertEvaluator();
    await eventually(async () => leadership!.isLeader(), 10_000, "leadership");
    const firingNow = async () =>
      (
        await expectOk<{ items: AlertDto[] }>(api("GET", `${w.env("a")}/alerts?state=firing`, { token: w.root }))
      ).items.filter((a) => a.rule === "loop-errors");
    // Rounds run and find nothing while there are no such lines.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await firingNow()).toHaveLength(0);

    const arrived = Date.now();
    const res = await postOtlp(
      server.origin,
      "logs",
      w.tokens.a,
      otlpLogs({ "service.name": "api" }, [{ timeMs: arrived, body: "ERROR upstream timed out", severityNumber: 17 }]),
    );
    expect(res.status).toBe(200);
    const [alert] = await eventually(
      async () => {
        const items = await firingNow();
        return items.length ? items : null;
      },
      5_000,
      "the rule to fire",
    );
    // Two one-second rounds, plus the round in progress when the lines arrived.
    expect(Date.now() - arrived).toBeLessThan(3_500);
    expect(alert).toMatchObject({ severity: "error", value: 1 });
    expect(sent.some((n) => n.ruleName === "loop-errors" && n.status === "firing")).toBe(true);
  });
});
