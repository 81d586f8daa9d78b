import { createHmac } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { alertChannels, alertDeliveries } from "@/lib/db/schema";
import { startAlertmanager, type Alertmanager } from "@/lib/testing/alertmanager";
import { api, expectOk } from "@/lib/testing/world";
import { dispatchDeliveries } from "../dispatch-deliveries";
import { MAX_ALERTS_PER_DELIVERY } from "../enqueue-notifications";
import type { ChannelDto } from "../dto";
import { alertOf, channelWorld, enqueue, resolvedOf, type ChannelWorld } from "../testing/channel-world";
import {
  mailText,
  startHttpReceiver,
  startSmtpReceiver,
  type HttpReceiver,
  type SmtpReceiver,
} from "../testing/receivers";

// Alert batches handed straight to enqueueNotifications, then sent by the dispatcher to real
// receivers: a webhook server, an SMTP server, a real Alertmanager, and Feishu/DingTalk stand-ins
// that recompute the signatures. Retries back off and give up; the channel shows the outcome.

let w: ChannelWorld;
let hook: HttpReceiver;
let chat: HttpReceiver;
let smtp: SmtpReceiver;
let am: Alertmanager;
let C: string;

const FEISHU_SECRET = "feishu-signing-secret";
const DING_SECRET = "SECdingtalk-signing-secret";

/** Runs dispatch rounds until nothing more is due now. */
async function drain(options: Parameters<typeof dispatchDeliveries>[0] = {}) {
  for (let i = 0; i < 20; i++) {
    const r = await dispatchDeliveries(options);
    if (r.delivered + r.retrying + r.failed === 0) return;
  }
}

const create = (body: unknown) => expectOk<ChannelDto>(api("POST", C, { token: w.admin.token, body }), 201);
const channel = (name: string) => expectOk<ChannelDto>(api("GET", `${C}/${name}`, { token: w.admin.token }));
const deliveriesOf = async (name: string) => {
  const [c] = await getDb()
    .select({ id: alertChannels.id })
    .from(alertChannels)
    .where(and(eq(alertChannels.owner, w.tenantId), eq(alertChannels.name, name)));
  return getDb().select().from(alertDeliveries).where(eq(alertDeliveries.channelId, c.id));
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Alertmanager's webhook payload, version 4 (PROTOCOLS §5.2).
const V4 = z.object({
  version: z.literal("4"),
  groupKey: z.string().min(1),
  truncatedAlerts: z.number().int(),
  status: z.enum(["firing", "resolved"]),
  receiver: z.string(),
  groupLabels: z.record(z.string(), z.string()),
  commonLabels: z.record(z.string(), z.string()),
  commonAnnotations: z.record(z.string(), z.string()),
  externalURL: z.string().url(),
  alerts: z
    .array(
      z.object({
        status: z.enum(["firing", "resolved"]),
        labels: z.record(z.string(), z.string()),
        annotations: z.record(z.string(), z.string()),
        startsAt: z.string().datetime(),
        endsAt: z.string(),
        generatorURL: z.string().url(),
        fingerprint: z.string().min(1),
      }),
    )
    .min(1),
});

beforeAll(async () => {
  w = await channelWorld("dlv");
  C = `/api/v1/tenants/${w.tenant}/alert-channels`;
  [hook, chat, smtp, am] = await Promise.all([
    startHttpReceiver(),
    startHttpReceiver(),
    startSmtpReceiver({ user: "alerts", pass: "smtp-pass" }),
    startAlertmanager(),
  ]);
  chat.respond = (r) => {
    if (r.path === "/feishu") {
      const ok =
        r.body.sign === createHmac("sha256", `${r.body.timestamp}\n${FEISHU_SECRET}`).update("").digest("base64");
      return { status: 200, body: ok ? { code: 0, msg: "success" } : { code: 19021, msg: "sign match fail" } };
    }
    const timestamp = r.query.get("timestamp") ?? "";
    const ok =
      r.query.get("sign") === createHmac("sha256", DING_SECRET).update(`${timestamp}\n${DING_SECRET}`).digest("base64");
    return { status: 200, body: ok ? { errcode: 0, errmsg: "ok" } : { errcode: 310000, errmsg: "sign not match" } };
  };
}, 90_000);
afterAll(async () => {
  await Promise.all([hook?.close(), chat?.close(), smtp?.close(), am?.stop()]);
});

describe("webhook (Alertmanager v4 payload)", () => {
  it("delivers firing, then resolved, grouped by rule, with the bearer token", async () => {
    await create({
      name: "hook",
      kind: "webhook",
      config: { url: `${hook.url}/alerts`, auth: { type: "bearer", token: "hook-token" } },
    });
    hook.received.length = 0;
    const a = alertOf(w, [{ channel: "hook", scope: "tenant" }], {
      labels: { namespace: "shop-dev", service: "checkout" },
    });
    const b = alertOf(w, [{ channel: "hook", scope: "tenant" }], {
      labels: { namespace: "shop-dev", service: "cart" },
    });
    await enqueue([a, b]);
    await drain();
    expect(hook.received).toHaveLength(1); // one group: both alerts of the rule
    const firing = V4.parse(hook.received[0].body);
    expect(hook.received[0].headers.authorization).toBe("Bearer hook-token");
    expect(firing).toMatchObject({ status: "firing", receiver: "hook", groupLabels: { alertname: "HighErrorRate" } });
    expect(firing.commonLabels).toEqual({ alertname: "HighErrorRate", severity: "critical", namespace: "shop-dev" });
    expect(firing.alerts.map((x) => x.labels.service).sort()).toEqual(["cart", "checkout"]);
    expect(firing.alerts[0]).toMatchObject({ status: "firing", endsAt: "0001-01-01T00:00:00Z" });
    expect(firing.alerts[0].annotations.message).toBe("Error rate is 12% on checkout");
    expect(firing.alerts[0].generatorURL).toMatch(/^https?:\/\/.+\/alerts\/\d+$/);

    await enqueue([resolvedOf(a)]);
    await drain();
    expect(hook.received).toHaveLength(2);
    const resolved = V4.parse(hook.received[1].body);
    expect(resolved.status).toBe("resolved");
    expect(resolved.alerts).toHaveLength(1);
    expect(resolved.alerts[0].status).toBe("resolved");
    expect(Date.parse(resolved.alerts[0].endsAt)).toBeGreaterThan(Date.parse(resolved.alerts[0].startsAt));
    expect(resolved.groupKey).toBe(firing.groupKey);

    const dto = await channel("hook");
    expect(dto.lastDeliveryAt).not.toBeNull();
    expect(dto).toMatchObject({ lastError: null, pending: 0 });
    expect(dto.recentDeliveries.slice(0, 2)).toMatchObject([
      { status: "delivered", attempts: 1 },
      { status: "delivered", attempts: 1 },
    ]);
  });

  it("with send_resolved false, queues and sends no resolved notification", async () => {
    await create({ name: "hook-quiet", kind: "webhook", sendResolved: false, config: { url: `${hook.url}/quiet` } });
    hook.received.length = 0;
    const a = alertOf(w, [{ channel: "hook-quiet", scope: "tenant" }]);
    await enqueue([a]);
    await enqueue([resolvedOf(a)]);
    expect(await deliveriesOf("hook-quiet")).toHaveLength(1);
    await drain();
    expect(hook.received.map((r) => [r.path, r.body.status])).toEqual([["/quiet", "firing"]]);
  });

  it("a round with more alerts of one rule than a delivery holds is sent in parts, none lost", async () => {
    await create({ name: "hook-big", kind: "webhook", config: { url: `${hook.url}/big` } });
    hook.received.length = 0;
    const batch = Array.from({ length: MAX_ALERTS_PER_DELIVERY * 2 + 5 }, (_, i) =>
      alertOf(w, [{ channel: "hook-big", scope: "tenant" }], { labels: { pod: `p-${i}` } }),
    );
    await enqueue(batch);
    await drain();
    const sizes = hook.received.map((r) => V4.parse(r.body).alerts.length);
    expect(sizes.sort((a, b) => b - a)).toEqual([MAX_ALERTS_PER_DELIVERY, MAX_ALERTS_PER_DELIVERY, 5]);
    const pods = new Set(
      hook.received.flatMap((r) => r.body.alerts.map((a: { labels: { pod: string } }) => a.labels.pod)),
    );
    expect(pods.size).toBe(batch.length);
  });

  it("a tenant receiver only finds that tenant's channel; a missing one is skipped", async () => {
    // The other tenant has a channel of the same name; this tenant's alert must not reach it.
    const other = await startHttpReceiver();
    try {
      await expectOk(
        api("POST", `/api/v1/tenants/${w.otherTenant}/alert-channels`, {
          token: w.outsider.token,
          body: { name: "shared-name", kind: "webhook", config: { url: `${other.url}/x` } },
        }),
        201,
      );
      await enqueue([
        alertOf(w, [
          { channel: "shared-name", scope: "tenant" },
          { channel: "nope", scope: "system" },
        ]),
      ]);
      await drain();
      expect(other.received).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});

describe("email (SMTP)", () => {
  it("mails the firing alert to every recipient; resolved not sent by default", async () => {
    const dto = await create({
      name: "mail",
      kind: "email",
      config: {
        host: "127.0.0.1",
        port: smtp.port,
        tls: "none",
        username: "alerts",
        password: "smtp-pass",
        from: "facet@example.com",
        to: ["oncall@example.com", "lead@example.com"],
      },
    });
    expect(dto.sendResolved).toBe(false); // as Alertmanager's email_configs
    const a = alertOf(w, [{ channel: "mail", scope: "tenant" }]);
    await enqueue([a]);
    await enqueue([resolvedOf(a)]);
    await drain();
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0];
    expect(mail.user).toBe("alerts");
    expect(mail.from).toBe("facet@example.com");
    expect(mail.to.sort()).toEqual(["lead@example.com", "oncall@example.com"]);
    expect(mail.raw).toMatch(/^Subject: \[FIRING:1\] HighErrorRate$/m);
    expect(mailText(mail.raw)).toContain("Error rate is 12% on checkout");
    expect((await channel("mail")).lastError).toBeNull();
  });

  it("a wrong SMTP password fails the delivery and shows why on the channel", async () => {
    await create({
      name: "mail-bad",
      kind: "email",
      config: {
        host: "127.0.0.1",
        port: smtp.port,
        tls: "none",
        username: "alerts",
        password: "wrong",
        from: "facet@example.com",
        to: ["oncall@example.com"],
      },
    });
    await enqueue([alertOf(w, [{ channel: "mail-bad", scope: "tenant" }])]);
    await drain({ maxAttempts: 1 });
    const dto = await channel("mail-bad");
    expect(dto.lastError).toMatch(/Invalid|auth/i);
    expect(dto.recentDeliveries[0]).toMatchObject({ status: "failed", attempts: 1 });
  });
});

describe("email over STARTTLS", () => {
  it("verifies the server's certificate: a self-signed one fails the delivery, nothing is mailed", async () => {
    const tls = await startSmtpReceiver(undefined, { starttls: true });
    try {
      await create({
        name: "mail-tls",
        kind: "email",
        config: {
          host: "127.0.0.1",
          port: tls.port,
          tls: "starttls",
          from: "facet@example.com",
          to: ["a@example.com"],
        },
      });
      await enqueue([alertOf(w, [{ channel: "mail-tls", scope: "tenant" }])]);
      await drain({ maxAttempts: 1 });
      expect(tls.mails).toHaveLength(0);
      expect((await channel("mail-tls")).lastError).toMatch(/certificate/i);
    } finally {
      await tls.close();
    }
  });
});

describe("Alertmanager (real, POST /api/v2/alerts)", () => {
  it("shows the alert as active, then no longer once resolved", async () => {
    await create({ name: "am", kind: "alertmanager", config: { url: am.url } });
    const a = alertOf(w, [{ channel: "am", scope: "tenant" }], {
      labels: { namespace: "shop-dev", service: "payments" },
    });
    await enqueue([a]);
    await drain();
    type AmAlert = { labels: Record<string, string>; status: { state: string }; generatorURL: string };
    const active = async () =>
      ((await (await fetch(`${am.url}/api/v2/alerts`)).json()) as AmAlert[]).filter(
        (x) => x.labels.alertname === "HighErrorRate" && x.labels.service === "payments",
      );
    const shown = await active();
    expect(shown).toHaveLength(1);
    expect(shown[0].labels).toMatchObject({ severity: "critical", namespace: "shop-dev" });
    expect(shown[0].status.state).toBe("active");
    await enqueue([resolvedOf(a)]);
    await drain();
    expect(await active()).toHaveLength(0);
    expect((await channel("am")).recentDeliveries.slice(0, 2).map((d) => d.status)).toEqual(["delivered", "delivered"]);
  });
});

describe("Feishu and DingTalk (signed)", () => {
  it("Feishu: the bot's server accepts the signature; a wrong secret is refused", async () => {
    await create({ name: "fs", kind: "feishu", config: { url: `${chat.url}/feishu`, secret: FEISHU_SECRET } });
    await create({
      name: "fs-text",
      kind: "feishu",
      config: { url: `${chat.url}/feishu`, secret: FEISHU_SECRET, msgType: "text" },
    });
    await create({ name: "fs-bad", kind: "feishu", config: { url: `${chat.url}/feishu`, secret: "not-the-secret" } });
    chat.received.length = 0;
    await enqueue([
      alertOf(w, [
        { channel: "fs", scope: "tenant" },
        { channel: "fs-text", scope: "tenant" },
        { channel: "fs-bad", scope: "tenant" },
      ]),
    ]);
    await drain({ maxAttempts: 1 });
    const bodies = chat.received.map((r) => r.body);
    expect(bodies).toHaveLength(3);
    const card = bodies.find((b) => b.msg_type === "interactive" && b.sign && b.card);
    expect(card.card.header.title.content).toBe("[FIRING:1] HighErrorRate");
    expect(card.timestamp).toMatch(/^\d{10}$/); // seconds
    expect(bodies.find((b) => b.msg_type === "text").content.text).toContain("Error rate is 12% on checkout");
    expect((await channel("fs")).lastError).toBeNull();
    expect((await channel("fs-text")).lastError).toBeNull();
    expect((await channel("fs-bad")).lastError).toMatch(/Feishu refused: sign match fail/);
  });

  it("DingTalk: timestamp and URL-encoded sign in the query, markdown body; a wrong secret is refused", async () => {
    await create({
      name: "ding",
      kind: "dingtalk",
      config: { url: `${chat.url}/robot/send?access_token=abc`, secret: DING_SECRET },
    });
    await create({
      name: "ding-bad",
      kind: "dingtalk",
      config: { url: `${chat.url}/robot/send?access_token=abc`, secret: "SECwrong" },
    });
    chat.received.length = 0;
    await enqueue([
      alertOf(w, [
        { channel: "ding", scope: "tenant" },
        { channel: "ding-bad", scope: "tenant" },
      ]),
    ]);
    await drain({ maxAttempts: 1 });
    expect(chat.received).toHaveLength(2);
    const r = chat.received[0];
    expect(r.query.get("access_token")).toBe("abc");
    expect(r.query.get("timestamp")).toMatch(/^\d{13}$/); // milliseconds
    expect(r.body).toMatchObject({ msgtype: "markdown", markdown: { title: "[FIRING:1] HighErrorRate" } });
    expect(r.body.markdown.text).toContain("Error rate is 12% on checkout");
    expect((await channel("ding")).lastError).toBeNull();
    expect((await channel("ding-bad")).lastError).toMatch(/DingTalk refused: sign not match/);
  });
});

describe("retries", () => {
  it("backs off after 500s (base, then twice base), then delivers; the channel shows each step", async () => {
    const flaky = await startHttpReceiver();
    try {
      let failures = 2;
      flaky.respond = () => (failures-- > 0 ? { status: 500, body: { error: "boom" } } : { status: 200 });
      await create({ name: "flaky", kind: "webhook", config: { url: `${flaky.url}/hook` } });
      await enqueue([alertOf(w, [{ channel: "flaky", scope: "tenant" }])]);
      const opts = { baseMs: 400, maxMs: 10_000, maxAttempts: 5 };

      const t1 = Date.now();
      await dispatchDeliveries(opts);
      let [row] = await deliveriesOf("flaky");
      expect(row).toMatchObject({ state: "pending", attempts: 1, lastStatus: 500 });
      expect(row.nextAttemptAt.getTime() - t1).toBeGreaterThanOrEqual(390);
      expect(row.nextAttemptAt.getTime() - t1).toBeLessThan(1_500);
      let dto = await channel("flaky");
      expect(dto.pending).toBe(1);
      expect(dto.lastError).toMatch(/HTTP 500/);
      expect(dto.recentDeliveries[0]).toMatchObject({ status: "retrying", attempts: 1 });

      // Not due yet: nothing is sent.
      await dispatchDeliveries(opts);
      expect(flaky.received).toHaveLength(1);

      await sleep(row.nextAttemptAt.getTime() - Date.now() + 20);
      const t2 = Date.now();
      await dispatchDeliveries(opts);
      [row] = await deliveriesOf("flaky");
      expect(row).toMatchObject({ state: "pending", attempts: 2 });
      expect(row.nextAttemptAt.getTime() - t2).toBeGreaterThanOrEqual(790);

      await sleep(row.nextAttemptAt.getTime() - Date.now() + 20);
      await dispatchDeliveries(opts);
      [row] = await deliveriesOf("flaky");
      expect(row).toMatchObject({ state: "delivered", attempts: 3, lastError: null, lastStatus: 200 });
      expect(flaky.received).toHaveLength(3);
      dto = await channel("flaky");
      expect(dto).toMatchObject({ pending: 0, lastError: null });
      expect(dto.lastDeliveryAt).not.toBeNull();
      expect(dto.recentDeliveries[0]).toMatchObject({ status: "delivered", attempts: 3 });
    } finally {
      await flaky.close();
    }
  });

  it("gives up after the maximum attempts and shows the failure", async () => {
    const down = await startHttpReceiver();
    try {
      down.respond = () => ({ status: 503, body: { error: "down" } });
      await create({ name: "down", kind: "webhook", config: { url: `${down.url}/hook` } });
      await enqueue([alertOf(w, [{ channel: "down", scope: "tenant" }])]);
      const opts = { baseMs: 30, maxMs: 60, maxAttempts: 3 };
      for (let i = 0; i < 10; i++) {
        await dispatchDeliveries(opts);
        await sleep(80);
      }
      expect(down.received).toHaveLength(3);
      const [row] = await deliveriesOf("down");
      expect(row).toMatchObject({ state: "failed", attempts: 3, lastStatus: 503 });
      const dto = await channel("down");
      expect(dto.pending).toBe(0);
      expect(dto.lastError).toMatch(/HTTP 503/);
      expect(dto.lastDeliveryAt).toBeNull();
      expect(dto.recentDeliveries[0]).toMatchObject({ status: "failed", attempts: 3 });
      expect(dto.recentDeliveries[0].error).toMatch(/HTTP 503/);
    } finally {
      await down.close();
    }
  });

  it("a receiver that never answers times out instead of holding the dispatcher", async () => {
    const { createServer } = await import("node:http");
    const server = createServer(() => {}); // accepts, never answers
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const port = (server.address() as { port: number }).port;
      await create({ name: "hang", kind: "webhook", config: { url: `http://127.0.0.1:${port}/` } });
      await enqueue([alertOf(w, [{ channel: "hang", scope: "tenant" }])]);
      const started = Date.now();
      await dispatchDeliveries({ timeoutMs: 300, maxAttempts: 1 });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect((await channel("hang")).lastError).toMatch(/timed out/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
