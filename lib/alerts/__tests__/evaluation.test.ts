import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import {
  otlpGauge,
  otlpLogs,
  otlpTraces,
  postOtlp,
  spanId,
  telemetryWorld,
  traceId,
  type TelemetryWorld,
} from "@/lib/testing/telemetry-world";
import { api, expectOk } from "@/lib/testing/world";
import type { AlertNotification } from "../notification";
import type { AlertDto, AlertsOverviewDto } from "../schemas";

// Evaluation end to end: telemetry written through the real OTLP receiver, rules made through
// the API, rounds run as of chosen instants (so `for` and repeat intervals take no waiting), and
// what the evaluator hands to delivery captured at the seam (enqueueNotifications).

const sent = vi.hoisted(() => [] as AlertNotification[]);
vi.mock("../channels/enqueue-notifications", () => ({
  enqueueNotifications: vi.fn(async (_tx: unknown, batch: AlertNotification[]) => {
    sent.push(...batch);
  }),
}));

const { runRound } = await import("../evaluate/run-round");

const at = (t0: number, seconds: number) => new Date(t0 + seconds * 1000);

describe("alert evaluation", () => {
  let server: RouteServer;
  let w: TelemetryWorld;
  const sentFor = (rule: string) => sent.filter((n) => n.ruleName === rule && n.labels.alertname === rule);
  const alerts = async (env: "a" | "b", query = "", token?: string) =>
    (await expectOk<{ items: AlertDto[] }>(api("GET", `${w.env(env)}/alerts${query}`, { token: token ?? w.root })))
      .items;
  const ofRule = (items: AlertDto[], rule: string) => items.filter((a) => a.rule === rule);
  const post = async (env: "a" | "b", signal: "traces" | "logs" | "metrics", body: unknown) =>
    expect((await postOtlp(server.origin, signal, w.tokens[env], body)).status).toBe(200);
  const rule = (env: "a" | "b", body: Record<string, unknown>) =>
    expectOk(api("POST", `${w.env(env)}/alert-rules`, { token: w.root, body }), 201);

  beforeAll(async () => {
    server = await startRouteServer();
    w = await telemetryWorld("alv");
  });
  afterAll(async () => server?.close());

  it("fires an APM error-rate template rule after `for`, the highest level inhibiting the lower, and resolves it", async () => {
    const t0 = Date.now();
    const spans = (service: string, errors: number, total: number) =>
      otlpTraces(
        { "service.name": service },
        Array.from({ length: total }, (_, i) => ({
          traceId: traceId(),
          spanId: spanId(),
          name: "GET /checkout",
          startMs: t0 - 20_000 + i,
          durationMs: 30,
          error: i < errors,
        })),
      );
    await post("a", "traces", spans("shop", 6, 10));
    await post("a", "traces", spans("pay", 0, 10));
    await rule("a", {
      name: "checkout-errors",
      kind: "metric",
      for: 60,
      message: "{{ $labels.service }} fails {{ $value }}% of calls",
      levels: [
        { op: ">", value: 20, severity: "error" },
        { op: ">", value: 50, severity: "critical" },
      ],
      receivers: [{ channel: "ops", scope: "tenant", repeatIntervalSeconds: 3600 }],
      metric: { template: { scope: "apm", resource: "service", rule: "error-rate" } },
    });

    await runRound(at(t0, 0));
    let mine = ofRule(await alerts("a"), "checkout-errors");
    expect(mine.map((a) => [a.state, a.severity, a.labels.service]).sort()).toEqual([
      ["pending", "critical", "shop"],
      ["pending", "error", "shop"],
    ]);
    expect(mine[0].value).toBeCloseTo(60, 6);
    expect(sentFor("checkout-errors")).toHaveLength(0);
    const rules = await expectOk<{ items: { name: string; state: string }[] }>(
      api("GET", `${w.env("a")}/alert-rules`, { token: w.reader.token }),
    );
    expect(rules.items.find((r) => r.name === "checkout-errors")?.state).toBe("pending");

    // Not yet `for` seconds: still pending.
    await runRound(at(t0, 30));
    expect(ofRule(await alerts("a", "?state=firing"), "checkout-errors")).toHaveLength(0);

    await runRound(at(t0, 61));
    mine = ofRule(await alerts("a", "?state=firing"), "checkout-errors");
    const critical = mine.find((a) => a.severity === "critical")!;
    const error = mine.find((a) => a.severity === "error")!;
    expect(critical).toMatchObject({ inhibited: false, silenced: false, message: "shop fails 60% of calls" });
    expect(error.inhibited).toBe(true);
    expect(error.history.map((h) => h.kind)).toEqual(["pending", "firing", "inhibited"]);
    expect(critical.history.map((h) => h.kind)).toEqual(["pending", "firing", "notified"]);
    const fired = sentFor("checkout-errors");
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      status: "firing",
      severity: "critical",
      alertId: critical.id,
      message: "shop fails 60% of calls",
      labels: { alertname: "checkout-errors", severity: "critical", service: "shop" },
      receivers: [{ channel: "ops", scope: "tenant" }],
      endsAt: null,
    });
    expect(fired[0].generatorURL).toContain(`/alerts?alert=${critical.id}`);
    expect(ofRule(await alerts("a", "?severity=error"), "checkout-errors")).toHaveLength(1);

    // The tenant overview counts what each actor may read.
    const overview = await expectOk<AlertsOverviewDto>(
      api("GET", `/api/v1/tenants/${w.tenant}/alerts/overview`, { token: w.reader.token }),
    );
    expect(overview.firing).toBe(2);
    expect(overview.bySeverity).toMatchObject({ critical: 1, error: 1 });
    expect(overview.environments).toEqual([{ project: "shop", environment: "env-a", firing: 2 }]);
    expect(overview.recent.every((r) => r.environment === "env-a")).toBe(true);

    // The cause stops: nothing in the window any more.
    await runRound(at(t0, 20 * 60));
    mine = ofRule(await alerts("a"), "checkout-errors");
    expect(mine.every((a) => a.state === "resolved" && a.resolvedAt)).toBe(true);
    const resolved = sentFor("checkout-errors").filter((n) => n.status === "resolved");
    // Only the alert that was told it fired is told it resolved.
    expect(resolved).toHaveLength(1);
    expect(resolved[0]).toMatchObject({ alertId: critical.id, severity: "critical" });
    expect(resolved[0].endsAt).toBeInstanceOf(Date);
  });

  it("a log rule fires on matching lines; a silence stops its notifications and shows in the history; acknowledging stops repeats", async () => {
    const t0 = Date.now();
    await post(
      "a",
      "logs",
      otlpLogs({ "service.name": "web" }, [
        { timeMs: t0 - 5000, body: "ERROR payment declined", severityNumber: 17 },
        { timeMs: t0 - 4000, body: "ERROR payment declined again", severityNumber: 17 },
        { timeMs: t0 - 3000, body: "an error in lower case", severityNumber: 9 },
        { timeMs: t0 - 2000, body: "INFO all good", severityNumber: 9 },
      ]),
    );
    // Lines of another service do not count.
    await post("a", "logs", otlpLogs({ "service.name": "batch" }, [{ timeMs: t0 - 1000, body: "ERROR elsewhere" }]));
    await rule("a", {
      name: "web-errors",
      kind: "log",
      message: "{{ $value }} error lines",
      levels: [{ op: ">", value: 0, severity: "warning" }],
      receivers: [{ channel: "ops", scope: "tenant", repeatIntervalSeconds: 60 }],
      log: { matchers: { service: "web" }, regex: "ERROR", windowSeconds: 300 },
    });
    await rule("a", {
      name: "web-any-case",
      kind: "log",
      levels: [{ op: ">=", value: 3, severity: "info" }],
      log: { matchers: { service: "web" }, regex: "(?i)error", windowSeconds: 300 },
    });
    const silence = await expectOk<{ id: number }>(
      api("POST", `${w.env("a")}/silences`, {
        token: w.root,
        body: { rule: "web-errors", endsAt: new Date(t0 + 3600_000).toISOString(), comment: "maintenance" },
      }),
      201,
    );

    await runRound(at(t0, 0));
    let [alert] = ofRule(await alerts("a"), "web-errors");
    expect(alert).toMatchObject({ state: "firing", value: 2, silenced: true });
    expect(alert.history.map((h) => h.kind)).toEqual(["firing", "silenced"]);
    expect(sentFor("web-errors")).toHaveLength(0);
    // Case-insensitive only when asked: the other rule counts the lower-case line too.
    expect(ofRule(await alerts("a"), "web-any-case")[0]).toMatchObject({ state: "firing", value: 3 });

    await expectOk(api("DELETE", `${w.env("a")}/silences/${silence.id}`, { token: w.root }));
    await runRound(at(t0, 5));
    expect(sentFor("web-errors")).toHaveLength(1);
    expect(sentFor("web-errors")[0]).toMatchObject({ status: "firing", message: "2 error lines" });

    // Repeat interval (60 s) passed: told again, marked as a repeat.
    await runRound(at(t0, 70));
    expect(sentFor("web-errors")).toHaveLength(2);
    expect(sentFor("web-errors")[1].annotations.repeat).toBe("true");

    // A reader may not acknowledge; the writer may, and repeats stop.
    expect((await api("POST", `${w.env("a")}/alerts/${alert.id}/acknowledge`, { token: w.reader.token })).status).toBe(
      403,
    );
    const acked = await expectOk<AlertDto>(
      api("POST", `${w.env("a")}/alerts/${alert.id}/acknowledge`, { token: w.root }),
    );
    expect(acked.acknowledgedBy).toBeTruthy();
    const { getDb } = await import("@/lib/db/client");
    const { auditLogs } = await import("@/lib/db/schema");
    const { and, eq } = await import("drizzle-orm");
    const audit = await getDb()
      .select()
      .from(auditLogs)
      .where(
        and(
          eq(auditLogs.action, "alerts.acknowledge"),
          eq(auditLogs.target, `${w.tenant}/shop/env-a/alerts/${alert.id}`),
        ),
      );
    expect(audit).toHaveLength(1);
    // From another environment the alert does not exist.
    expect((await api("POST", `${w.env("b")}/alerts/${alert.id}/acknowledge`, { token: w.root })).status).toBe(404);
    await runRound(at(t0, 140));
    await runRound(at(t0, 210));
    expect(sentFor("web-errors")).toHaveLength(2);
    [alert] = ofRule(await alerts("a"), "web-errors");
    // (The acknowledgement is stamped with the real clock, the rounds with chosen instants.)
    expect(alert.history.map((h) => h.kind).sort()).toEqual(
      ["firing", "silenced", "notified", "notified", "acknowledged"].sort(),
    );

    // While it keeps firing, its value follows the data without a transition.
    await post("a", "logs", otlpLogs({ "service.name": "web" }, [{ timeMs: t0 - 500, body: "ERROR third" }]));
    await runRound(at(t0, 240));
    [alert] = ofRule(await alerts("a"), "web-errors");
    expect(alert).toMatchObject({ state: "firing", value: 3 });
    expect(alert.history).toHaveLength(5);

    // Switching the rule off resolves its alert at once, and those told it fired hear so.
    const body = await expectOk<Record<string, unknown>>(
      api("GET", `${w.env("a")}/alert-rules/web-errors`, { token: w.root }),
    );
    await expectOk(
      api("PUT", `${w.env("a")}/alert-rules/web-errors`, {
        token: w.root,
        body: {
          name: "web-errors",
          kind: "log",
          levels: body.levels,
          receivers: body.receivers,
          log: body.log,
          message: body.message,
          enabled: false,
        },
      }),
    );
    [alert] = ofRule(await alerts("a"), "web-errors");
    expect(alert.state).toBe("resolved");
    expect(sentFor("web-errors").map((n) => n.status)).toEqual(["firing", "firing", "resolved"]);
    await runRound(at(t0, 280));
    expect(ofRule(await alerts("a"), "web-errors")).toHaveLength(1);
  });

  it("a probe rule fires when probe_success stayed 0 for N minutes and resolves on success", async () => {
    const t0 = Math.floor(Date.now() / 1000) * 1000;
    const resource = { "service.name": "probe/home" };
    const labels = { job: "probe/home", instance: "https://shop.example" };
    await post("a", "metrics", otlpGauge(resource, "probe_success", t0 - 4 * 60_000, [1, 1, 0, 0, 0], labels));
    // Another probe failing does not fire this rule.
    await post(
      "a",
      "metrics",
      otlpGauge({ "service.name": "probe/other" }, "probe_success", t0 - 60_000, [0, 0], {
        job: "probe/other",
        instance: "x",
      }),
    );
    await rule("a", {
      name: "home-down",
      kind: "probe",
      message: "{{ $labels.instance }} is down",
      probe: { probe: "home", condition: "failing", minutes: 2 },
    });
    await runRound(at(t0, 1));
    let [alert] = ofRule(await alerts("a"), "home-down");
    expect(alert).toMatchObject({
      state: "firing",
      severity: "critical",
      value: 0,
      message: "https://shop.example is down",
      labels: { job: "probe/home", instance: "https://shop.example" },
    });
    expect(ofRule(await alerts("a"), "home-down")).toHaveLength(1);

    await post("a", "metrics", otlpGauge(resource, "probe_success", t0 + 2000, [1], labels));
    await runRound(at(t0, 30));
    [alert] = ofRule(await alerts("a"), "home-down");
    expect(alert.state).toBe("resolved");
    expect(sentFor("home-down").map((n) => n.status)).toEqual(["firing", "resolved"]);
  });

  it("a certificate-expiry probe rule fires when the certificate expires within N days", async () => {
    const now = Date.now();
    const expiresInDays = (d: number) => Math.round((now + d * 86_400_000) / 1000);
    for (const [probe, days] of [
      ["shop", 5],
      ["blog", 40],
    ] as const)
      await post(
        "b",
        "metrics",
        otlpGauge(
          { "service.name": `probe/${probe}` },
          "probe_ssl_earliest_cert_expiry",
          now - 30_000,
          [expiresInDays(days)],
          {
            job: `probe/${probe}`,
            instance: `https://${probe}.example`,
          },
        ),
      );
    for (const probe of ["shop", "blog"])
      await rule("b", { name: `${probe}-cert`, kind: "probe", probe: { probe, condition: "cert-expiry", days: 10 } });
    await runRound(new Date(now));
    const items = await alerts("b");
    const [shop] = ofRule(items, "shop-cert");
    expect(shop).toMatchObject({ state: "firing", severity: "warning" });
    expect(shop.value).toBeCloseTo(5, 2);
    expect(ofRule(items, "blog-cert")).toHaveLength(0);
  });

  it("keeps a rule whose source fails as it was and reports the error on the rule", async () => {
    // A template that needs Prometheus cannot exist here, so break the stored rule instead.
    const { getPool } = await import("@/lib/db/client");
    await rule("b", {
      name: "broken",
      kind: "log",
      levels: [{ op: ">", value: 0, severity: "warning" }],
      log: { matchers: {}, regex: "x", windowSeconds: 60 },
    });
    await post("b", "logs", otlpLogs({ "service.name": "web" }, [{ timeMs: Date.now() - 1000, body: "x" }]));
    await getPool().query(
      "UPDATE alert_rules SET spec = JSON_SET(spec, '$.log.regex', '(') WHERE name = 'broken' AND environment_id IN (SELECT id FROM environments WHERE namespace = ?)",
      [w.namespace("b")],
    );
    await runRound();
    const res = await expectOk<{ lastError: string | null; lastEvalAt: string | null }>(
      api("GET", `${w.env("b")}/alert-rules/broken`, { token: w.root }),
    );
    expect(res.lastError).toBeTruthy();
    expect(res.lastEvalAt).not.toBeNull();
  });
});
