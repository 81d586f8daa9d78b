// Issue 14's alerting acceptance, end to end with nothing stubbed between the cause and the
// receivers: the demo services (real OpenTelemetry SDKs, `npm run demo:traffic`) fail every call
// into Facet's OTLP receiver; an error-rate rule made through the API is evaluated by the real
// evaluator, handed to the real delivery queue, and sent by the dispatcher to a webhook server
// (Alertmanager v4 payload), an SMTP server (npm smtp-server) and a real Alertmanager. When the
// failures stop the alert resolves, and only the channels that want it are told.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startAlertmanager, type Alertmanager } from "@/lib/testing/alertmanager";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { otlpLogs, postOtlp, telemetryWorld, type TelemetryWorld } from "@/lib/testing/telemetry-world";
import { api, expectOk } from "@/lib/testing/world";
import { dispatchDeliveries } from "../channels/dispatch-deliveries";
import {
  mailText,
  startHttpReceiver,
  startSmtpReceiver,
  type HttpReceiver,
  type SmtpReceiver,
} from "../channels/testing/receivers";
import { runRound } from "../evaluate/run-round";
import type { AlertDto } from "../schemas";

const V4 = z.object({
  version: z.literal("4"),
  groupKey: z.string().min(1),
  status: z.enum(["firing", "resolved"]),
  receiver: z.string(),
  groupLabels: z.record(z.string(), z.string()),
  commonLabels: z.record(z.string(), z.string()),
  commonAnnotations: z.record(z.string(), z.string()),
  externalURL: z.string(),
  alerts: z.array(
    z.object({
      status: z.enum(["firing", "resolved"]),
      labels: z.record(z.string(), z.string()),
      annotations: z.record(z.string(), z.string()),
      startsAt: z.string(),
      endsAt: z.string(),
      generatorURL: z.string(),
      fingerprint: z.string(),
    }),
  ),
});

let server: RouteServer;
let w: TelemetryWorld;
let hook: HttpReceiver;
let smtp: SmtpReceiver;
let am: Alertmanager;

/** The demo services for a few seconds, exporting to Facet with env-a's ingest token. */
function demoTraffic(seconds: number, errorRate: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const run = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/demo-traffic/run.ts",
        "--url",
        server.origin,
        "--token",
        w.tokens.a,
        "--seconds",
        String(seconds),
        "--rps",
        "10",
        "--error-rate",
        String(errorRate),
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    run.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    run.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`demo traffic exited ${code}: ${stderr}`))));
  });
}

async function drain() {
  for (let i = 0; i < 20; i++) {
    const r = await dispatchDeliveries();
    if (r.delivered + r.retrying + r.failed === 0) return;
  }
}

type AmAlert = { labels: Record<string, string>; endsAt: string; status: { state: string } };
const amAlerts = async (rule: string) =>
  ((await (await fetch(`${am.url}/api/v2/alerts`)).json()) as AmAlert[]).filter((a) => a.labels.alertname === rule);

beforeAll(async () => {
  server = await startRouteServer();
  w = await telemetryWorld("acc");
  [hook, smtp, am] = await Promise.all([startHttpReceiver(), startSmtpReceiver(), startAlertmanager()]);
  const channels = `/api/v1/tenants/${w.tenant}/alert-channels`;
  for (const body of [
    { name: "hook", kind: "webhook", config: { url: `${hook.url}/all` } },
    { name: "hook-firing-only", kind: "webhook", sendResolved: false, config: { url: `${hook.url}/firing-only` } },
    {
      name: "mail",
      kind: "email",
      sendResolved: true,
      config: {
        host: "127.0.0.1",
        port: smtp.port,
        tls: "none",
        from: "facet@example.com",
        to: ["oncall@example.com"],
      },
    },
    { name: "am", kind: "alertmanager", config: { url: am.url } },
  ])
    await expectOk(api("POST", channels, { token: w.root, body }), 201);
}, 120_000);
afterAll(async () => {
  await Promise.all([server?.close(), hook?.close(), smtp?.close(), am?.stop()]);
});

describe("alerting, cause to receivers", () => {
  it("fires a metric rule on the demo services' error rate to a webhook, SMTP and Alertmanager, and resolves it", async () => {
    await demoTraffic(6, 1);
    const receivers = ["hook", "hook-firing-only", "mail", "am"].map((channel) => ({
      channel,
      scope: "tenant",
      repeatIntervalSeconds: 3600,
    }));
    await expectOk(
      api("POST", `${w.env("a")}/alert-rules`, {
        token: w.root,
        body: {
          name: "demo-errors",
          kind: "metric",
          for: 0,
          message: "{{ $labels.service }} fails {{ $value }}% of calls",
          levels: [{ op: ">", value: 50, severity: "critical" }],
          receivers,
          metric: { template: { scope: "apm", resource: "service", rule: "error-rate" } },
        },
      }),
      201,
    );
    const now = Date.now();
    await runRound(new Date(now));
    const firing = (
      await expectOk<{ items: AlertDto[] }>(api("GET", `${w.env("a")}/alerts?state=firing`, { token: w.root }))
    ).items.filter((a) => a.rule === "demo-errors");
    // The agent fails every call it gets; the api answers 500 for each, so both services fire.
    expect(firing.map((a) => a.labels.service).sort()).toEqual(["agent", "api"]);
    expect(firing.every((a) => a.severity === "critical" && (a.value ?? 0) > 50)).toBe(true);
    await drain();

    const firedHooks = hook.received.filter((r) => r.body.status === "firing");
    expect(firedHooks.map((r) => r.path).sort()).toEqual(["/all", "/firing-only"]);
    for (const r of firedHooks) {
      const payload = V4.parse(r.body);
      expect(payload.alerts.map((a) => a.labels.service).sort()).toEqual(["agent", "api"]);
      expect(payload.commonLabels).toMatchObject({ alertname: "demo-errors", severity: "critical" });
      expect(payload.alerts[0].annotations.message ?? payload.alerts[0].annotations.summary).toMatch(
        /fails .*% of calls/,
      );
    }
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toEqual(["oncall@example.com"]);
    expect(smtp.mails[0].raw).toMatch(/^Subject: \[FIRING:2\] demo-errors/m);
    expect(mailText(smtp.mails[0].raw)).toMatch(/fails .*% of calls/);
    const shown = await amAlerts("demo-errors");
    expect(shown.map((a) => a.labels.service).sort()).toEqual(["agent", "api"]);
    expect(shown.every((a) => a.status.state === "active")).toBe(true);

    // The failures stop: a healthy run, then a round once the failing minute is out of the window.
    await demoTraffic(3, 0);
    await runRound(new Date(now + 6 * 60_000));
    const after = (
      await expectOk<{ items: AlertDto[] }>(api("GET", `${w.env("a")}/alerts`, { token: w.root }))
    ).items.filter((a) => a.rule === "demo-errors");
    expect(after.every((a) => a.state === "resolved")).toBe(true);
    await drain();
    const resolvedHooks = hook.received.filter((r) => r.body.status === "resolved");
    // send-resolved honoured: the default webhook is told, the one that opted out is not.
    expect(resolvedHooks.map((r) => r.path)).toEqual(["/all"]);
    expect(V4.parse(resolvedHooks[0].body).alerts.every((a) => a.status === "resolved")).toBe(true);
    expect(smtp.mails.map((m) => /^Subject: \[(\w+)/m.exec(m.raw)?.[1])).toEqual(["FIRING", "RESOLVED"]);
    // Alertmanager took the resolution: each alert now ends when Facet resolved it (this test's
    // clock ran six minutes ahead, so Alertmanager lists them until then).
    const ended = await amAlerts("demo-errors");
    expect(ended).toHaveLength(2);
    for (const a of ended) {
      const resolvedAt = after.find((x) => x.labels.service === a.labels.service)!.resolvedAt!;
      expect(Date.parse(a.endsAt)).toBe(Date.parse(resolvedAt));
    }
  }, 120_000);

  it("a silence stops a log rule's notifications, and the history shows it silenced", async () => {
    await expectOk(
      api("POST", `${w.env("a")}/alert-rules`, {
        token: w.root,
        body: {
          name: "error-lines",
          kind: "log",
          for: 0,
          message: "{{ $value }} ERROR lines",
          levels: [{ op: ">", value: 0, severity: "warning" }],
          receivers: [{ channel: "hook", scope: "tenant", repeatIntervalSeconds: 60 }],
          log: { matchers: {}, regex: "ERROR", windowSeconds: 300 },
        },
      }),
      201,
    );
    await expectOk(
      api("POST", `${w.env("a")}/silences`, {
        token: w.root,
        body: {
          rule: "error-lines",
          matchers: {},
          endsAt: new Date(Date.now() + 3600_000).toISOString(),
          comment: "deploying",
        },
      }),
      201,
    );
    const res = await postOtlp(
      server.origin,
      "logs",
      w.tokens.a,
      otlpLogs({ "service.name": "checkout" }, [{ body: "ERROR payment declined", timeMs: Date.now() - 1000 }]),
    );
    expect(res.status).toBe(200);
    hook.received.length = 0;
    await runRound(new Date());
    await runRound(new Date(Date.now() + 61_000));
    await drain();
    const alert = (
      await expectOk<{ items: AlertDto[] }>(api("GET", `${w.env("a")}/alerts?state=firing`, { token: w.root }))
    ).items.find((a) => a.rule === "error-lines");
    expect(alert).toMatchObject({ silenced: true });
    expect(alert!.history.map((h) => h.kind)).toContain("silenced");
    expect(alert!.history.map((h) => h.kind)).not.toContain("notified");
    expect(hook.received.filter((r) => JSON.stringify(r.body).includes("error-lines"))).toEqual([]);
  }, 60_000);
});
