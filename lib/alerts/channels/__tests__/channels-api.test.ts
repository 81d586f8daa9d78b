import { and, desc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { alertChannels, auditLogs } from "@/lib/db/schema";
import { api, expectOk } from "@/lib/testing/world";
import { dispatchDeliveries } from "../dispatch-deliveries";
import type { ChannelDto } from "../dto";
import { alertOf, channelWorld, enqueue, type ChannelWorld } from "../testing/channel-world";
import { startHttpReceiver, type HttpReceiver } from "../testing/receivers";

// The channel API: tenant admins write, members see names and kinds, other tenants get 404,
// system channels are the sysadmin's; bad input is a 422 naming the field; addresses go
// through the egress policy; secrets are sealed and never come back (list, get, PUT echo,
// audit); "send test" answers how the send went.

type Problem = { status: number; detail: string; errors?: { path: string; message: string }[] };

let w: ChannelWorld;
let hook: HttpReceiver;
let C: string;
const SYS = "/api/v1/alert-channels";
const TOKEN = `tok-${Math.random().toString(36).slice(2)}`;
const PASSWORD = `pw-${Math.random().toString(36).slice(2)}`;
const SIGNING = `sig-${Math.random().toString(36).slice(2)}`;
const URL_TOKEN = `urltoken${Math.random().toString(36).slice(2)}0123456789`;

const noSecrets = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const s of [TOKEN, PASSWORD, SIGNING, URL_TOKEN]) expect(text).not.toContain(s);
};

beforeAll(async () => {
  w = await channelWorld("chapi");
  C = `/api/v1/tenants/${w.tenant}/alert-channels`;
  hook = await startHttpReceiver();
}, 60_000);
afterAll(() => hook?.close());

describe("RBAC", () => {
  const body = () => ({ name: "rbac-hook", kind: "webhook", config: { url: `${hook.url}/rbac` } });

  it("a tenant member cannot write (403) but lists names and kinds only", async () => {
    for (const p of [w.member, w.dev, w.reader]) {
      expect((await api("POST", C, { token: p.token, body: body() })).status).toBe(403);
    }
    await expectOk(api("POST", C, { token: w.admin.token, body: body() }), 201);
    for (const [method, path, b] of [
      ["PUT", `${C}/rbac-hook`, body()],
      ["DELETE", `${C}/rbac-hook`, undefined],
      ["POST", `${C}/rbac-hook/test`, undefined],
    ] as const)
      expect((await api(method, path, { token: w.member.token, body: b })).status).toBe(403);
    const list = await expectOk<{ items: Record<string, unknown>[] }>(api("GET", C, { token: w.member.token }));
    expect(list.items).toContainEqual({ name: "rbac-hook", scope: "tenant", kind: "webhook" });
    for (const item of list.items) expect(Object.keys(item).sort()).toEqual(["kind", "name", "scope"]);
    const one = await expectOk(api("GET", `${C}/rbac-hook`, { token: w.member.token }));
    expect(one).toEqual({ name: "rbac-hook", scope: "tenant", kind: "webhook" });
  });

  it("another tenant's admin gets 404 for every verb, never the channel", async () => {
    for (const [method, path, b] of [
      ["GET", C, undefined],
      ["POST", C, { ...body(), name: "intruder" }],
      ["GET", `${C}/rbac-hook`, undefined],
      ["PUT", `${C}/rbac-hook`, body()],
      ["DELETE", `${C}/rbac-hook`, undefined],
      ["POST", `${C}/rbac-hook/test`, undefined],
    ] as const) {
      const res = await api<Problem>(method, path, { token: w.outsider.token, body: b });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain("rbac-hook");
    }
    // And the other tenant's own list does not show this tenant's channels.
    const theirs = await expectOk<{ items: { name: string }[] }>(
      api("GET", `/api/v1/tenants/${w.otherTenant}/alert-channels`, { token: w.outsider.token }),
    );
    expect(theirs.items.map((i) => i.name)).not.toContain("rbac-hook");
    expect((await api("GET", `${C}/rbac-hook`, { token: w.admin.token })).status).toBe(200);
  });

  it("system channels are the sysadmin's: others 403; tenants see their names to pick", async () => {
    const name = `sys-${Math.random().toString(36).slice(2, 8)}`;
    const sysBody = { name, kind: "webhook", config: { url: `${hook.url}/sys` } };
    expect((await api("POST", SYS, { token: w.admin.token, body: sysBody })).status).toBe(403);
    await expectOk(api("POST", SYS, { token: w.root, body: sysBody }), 201);
    for (const [method, path, b] of [
      ["GET", SYS, undefined],
      ["GET", `${SYS}/${name}`, undefined],
      ["PUT", `${SYS}/${name}`, sysBody],
      ["DELETE", `${SYS}/${name}`, undefined],
      ["POST", `${SYS}/${name}/test`, undefined],
    ] as const)
      expect((await api(method, path, { token: w.admin.token, body: b })).status, `${method} ${path}`).toBe(403);
    const dto = await expectOk<ChannelDto>(api("GET", `${SYS}/${name}`, { token: w.root }));
    expect(dto.scope).toBe("system");
    const list = await expectOk<{ system: { name: string; kind: string }[] }>(api("GET", C, { token: w.member.token }));
    expect(list.system).toContainEqual({ name, scope: "system", kind: "webhook" });
    // A tenant channel of the same name is another channel.
    await expectOk(api("POST", C, { token: w.admin.token, body: sysBody }), 201);
    await expectOk(api("DELETE", `${SYS}/${name}`, { token: w.root }), 204);
    expect((await api("GET", `${SYS}/${name}`, { token: w.root })).status).toBe(404);
    expect((await api("GET", `${C}/${name}`, { token: w.admin.token })).status).toBe(200);
  });
});

describe("validation and egress", () => {
  const bad = async (body: unknown, path: string) => {
    const res = await api<Problem>("POST", C, { token: w.admin.token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.errors?.map((e) => e.path)).toContain(path);
  };

  it("malformed bodies are 422 naming the field", async () => {
    await bad({ name: "Bad_Name", kind: "webhook", config: { url: `${hook.url}/` } }, "body.name");
    await bad({ name: "k", kind: "pager", config: {} }, "body.kind");
    await bad({ name: "u", kind: "webhook", config: { url: "ftp://example.com/x" } }, "body.config.url");
    await bad({ name: "u2", kind: "webhook", config: {} }, "body.config.url");
    await bad(
      { name: "b", kind: "webhook", config: { url: `${hook.url}/`, auth: { type: "bearer" } } },
      "body.config.auth.token",
    );
    const mail = { host: "127.0.0.1", port: 25, tls: "none", from: "facet@example.com", to: ["a@example.com"] };
    await bad({ name: "m", kind: "email", config: { ...mail, to: [] } }, "body.config.to");
    await bad({ name: "m", kind: "email", config: { ...mail, to: ["not-an-address"] } }, "body.config.to.0");
    await bad({ name: "m", kind: "email", config: { ...mail, port: 70000 } }, "body.config.port");
    await bad({ name: "f", kind: "feishu", config: { url: `${hook.url}/`, msgType: "post" } }, "body.config.msgType");
  });

  it("refuses URLs and SMTP hosts at metadata, private or link-local addresses", async () => {
    for (const url of [
      "http://169.254.169.254/latest/meta-data/",
      "http://[fd00:ec2::254]/",
      "http://10.0.0.8:9093/",
      "http://192.168.1.10/hook",
    ]) {
      await bad({ name: "egress", kind: "alertmanager", config: { url } }, "body.config.url");
      await bad({ name: "egress", kind: "webhook", config: { url } }, "body.config.url");
    }
    await bad(
      {
        name: "egress",
        kind: "email",
        config: { host: "169.254.169.254", port: 25, from: "f@example.com", to: ["a@example.com"] },
      },
      "body.config.host",
    );
    expect((await api("GET", `${C}/egress`, { token: w.admin.token })).status).toBe(404);
  });

  it("a stored channel whose address became forbidden is refused at send time too", async () => {
    // Written straight to the table, as if the policy had changed since it was saved.
    await expectOk(
      api("POST", C, {
        token: w.admin.token,
        body: { name: "meta", kind: "webhook", config: { url: `${hook.url}/m` } },
      }),
      201,
    );
    const { seal } = await import("@/lib/crypto/secret-box");
    await getDb()
      .update(alertChannels)
      .set({ secrets: seal(JSON.stringify({ url: "http://169.254.169.254/latest/meta-data/" })) })
      .where(and(eq(alertChannels.owner, w.tenantId), eq(alertChannels.name, "meta")));
    const res = await expectOk<{ ok: boolean; error: string }>(api("POST", `${C}/meta/test`, { token: w.admin.token }));
    expect(res.ok).toBe(false);
    expect(res.error).toMatch(/169\.254\.169\.254.*metadata/);
  });

  it("secrets sealed under another AUTH_SECRET: shown as unset, sends fail with the reason, a PUT re-enters them", async () => {
    const body = {
      name: "resealed",
      kind: "webhook",
      config: { url: `${hook.url}/r`, auth: { type: "bearer", token: "t1" } },
    };
    await expectOk(api("POST", C, { token: w.admin.token, body }), 201);
    const { seal } = await import("@/lib/crypto/secret-box");
    await getDb()
      .update(alertChannels)
      .set({ secrets: seal(JSON.stringify({ url: `${hook.url}/r`, token: "t1" }), "another-auth-secret-entirely") })
      .where(and(eq(alertChannels.owner, w.tenantId), eq(alertChannels.name, "resealed")));
    const dto = await expectOk<ChannelDto>(api("GET", `${C}/resealed`, { token: w.admin.token }));
    expect(dto.config.hasSecret).toBe(false);
    await expectOk(api("GET", C, { token: w.admin.token })); // nor does the list fail
    const test = await expectOk<{ ok: boolean; error: string }>(
      api("POST", `${C}/resealed/test`, { token: w.admin.token }),
    );
    expect(test.ok).toBe(false);
    expect(test.error).toMatch(/AUTH_SECRET changed/);
    // The echoed body no longer has a URL to keep: 422 until it is given again.
    const echo = await api<Problem>("PUT", `${C}/resealed`, {
      token: w.admin.token,
      body: { ...body, config: dto.config },
    });
    expect(echo.status).toBe(422);
    await expectOk(api("PUT", `${C}/resealed`, { token: w.admin.token, body }));
    expect((await expectOk<{ ok: boolean }>(api("POST", `${C}/resealed/test`, { token: w.admin.token }))).ok).toBe(
      true,
    );
  });

  it("a duplicate name is 409; a rename by PUT is 422", async () => {
    const body = { name: "dup", kind: "webhook", config: { url: `${hook.url}/d` } };
    await expectOk(api("POST", C, { token: w.admin.token, body }), 201);
    expect((await api("POST", C, { token: w.admin.token, body })).status).toBe(409);
    const res = await api<Problem>("PUT", `${C}/dup`, { token: w.admin.token, body: { ...body, name: "other" } });
    expect(res.status).toBe(422);
    expect(res.body.errors?.[0].path).toBe("body.name");
  });
});

describe("secrets", () => {
  it("are never returned (list, get, PUT echo, audit) and survive an echoed PUT", async () => {
    const create = {
      name: "secret-hook",
      kind: "webhook",
      config: { url: `${hook.url}/s/${URL_TOKEN}?key=${URL_TOKEN}`, auth: { type: "bearer", token: TOKEN } },
    };
    const created = await expectOk<ChannelDto>(api("POST", C, { token: w.admin.token, body: create }), 201);
    noSecrets(created);
    expect(created.config).toEqual({
      url: `${hook.url}/s/****?key=****`,
      auth: { type: "bearer" },
      hasSecret: true,
    });
    const list = await expectOk(api("GET", C, { token: w.admin.token }));
    noSecrets(list);
    const one = await api<ChannelDto>("GET", `${C}/secret-hook`, { token: w.admin.token });
    noSecrets(one.body);
    // Send back what was read (redacted URL, no token): the stored secrets stay.
    const echoed = await expectOk<ChannelDto>(
      api("PUT", `${C}/secret-hook`, {
        token: w.admin.token,
        body: { name: one.body.name, kind: one.body.kind, sendResolved: false, config: one.body.config },
      }),
    );
    noSecrets(echoed);
    expect(echoed.sendResolved).toBe(false);
    expect(echoed.version).toBe(one.body.version + 1);
    hook.received.length = 0;
    const test = await expectOk<{ ok: boolean; status: number }>(
      api("POST", `${C}/secret-hook/test`, { token: w.admin.token }),
    );
    expect(test).toMatchObject({ ok: true, status: 200 });
    expect(hook.received[0].path).toBe(`/s/${URL_TOKEN}`);
    expect(hook.received[0].query.get("key")).toBe(URL_TOKEN);
    expect(hook.received[0].headers.authorization).toBe(`Bearer ${TOKEN}`);

    // Other kinds: passwords and signing keys.
    for (const body of [
      {
        name: "s-basic",
        kind: "alertmanager",
        config: { url: `${hook.url}/am`, auth: { type: "basic", username: "am", password: PASSWORD } },
      },
      {
        name: "s-mail",
        kind: "email",
        config: {
          host: "127.0.0.1",
          port: 2525,
          tls: "none",
          username: "u",
          password: PASSWORD,
          from: "f@example.com",
          to: ["a@example.com"],
        },
      },
      {
        name: "s-feishu",
        kind: "feishu",
        config: { url: `${hook.url}/open-apis/bot/v2/hook/${URL_TOKEN}`, secret: SIGNING },
      },
      {
        name: "s-ding",
        kind: "dingtalk",
        config: { url: `${hook.url}/robot/send?access_token=${URL_TOKEN}`, secret: SIGNING },
      },
    ]) {
      const dto = await expectOk<ChannelDto>(api("POST", C, { token: w.admin.token, body }), 201);
      noSecrets(dto);
      expect(dto.config.hasSecret).toBe(true);
      noSecrets(
        await expectOk(
          api("PUT", `${C}/${body.name}`, { token: w.admin.token, body: { ...body, config: dto.config } }),
        ),
      );
    }
    noSecrets(await expectOk(api("GET", C, { token: w.admin.token })));
    // Sealed at rest, and the audit trail holds none either.
    const rows = await getDb().select().from(alertChannels).where(eq(alertChannels.owner, w.tenantId));
    noSecrets(rows.map((r) => ({ config: r.config, secrets: r.secrets })));
    const audit = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, w.tenantId), like(auditLogs.action, "alert-channels.%")));
    expect(audit.length).toBeGreaterThanOrEqual(10);
    noSecrets(audit);
  });

  it("a PUT that changes the URL or the token replaces it", async () => {
    const other = await startHttpReceiver();
    try {
      await expectOk(
        api("PUT", `${C}/secret-hook`, {
          token: w.admin.token,
          body: {
            name: "secret-hook",
            kind: "webhook",
            config: { url: `${other.url}/new`, auth: { type: "bearer", token: "new-token" } },
          },
        }),
      );
      await expectOk(api("POST", `${C}/secret-hook/test`, { token: w.admin.token }));
      expect(other.received[0].path).toBe("/new");
      expect(other.received[0].headers.authorization).toBe("Bearer new-token");
    } finally {
      await other.close();
    }
  });
});

describe("audit and concurrency", () => {
  it("create, update and delete each write an audit row for the tenant", async () => {
    const body = { name: "audited", kind: "webhook", config: { url: `${hook.url}/a` } };
    const created = await api<ChannelDto>("POST", C, { token: w.admin.token, body });
    expect(created.headers.get("etag")).toBe('"v1"');
    // A stale If-Match is refused (412); the current one goes through.
    const stale = await api("PUT", `${C}/audited`, { token: w.admin.token, body, headers: { "if-match": '"v9"' } });
    expect(stale.status).toBe(412);
    await expectOk(api("PUT", `${C}/audited`, { token: w.admin.token, body, headers: { "if-match": '"v1"' } }));
    await expectOk(api("DELETE", `${C}/audited`, { token: w.admin.token }), 204);
    const rows = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, w.tenantId), eq(auditLogs.target, `alert-channel/${w.tenantId}/audited`)))
      .orderBy(desc(auditLogs.id));
    expect(rows.map((r) => [r.action, r.actor])).toEqual([
      ["alert-channels.delete", w.admin.username],
      ["alert-channels.update", w.admin.username],
      ["alert-channels.create", w.admin.username],
    ]);
    expect((await api("GET", `${C}/audited`, { token: w.admin.token })).status).toBe(404);
  });

  it("deleting a channel drops its queued deliveries", async () => {
    await expectOk(
      api("POST", C, {
        token: w.admin.token,
        body: { name: "gone", kind: "webhook", config: { url: `${hook.url}/gone` } },
      }),
      201,
    );
    await enqueue([alertOf(w, [{ channel: "gone", scope: "tenant" }])]);
    expect((await expectOk<ChannelDto>(api("GET", `${C}/gone`, { token: w.admin.token }))).pending).toBe(1);
    await expectOk(api("DELETE", `${C}/gone`, { token: w.admin.token }), 204);
    hook.received.length = 0;
    await dispatchDeliveries();
    expect(hook.received.filter((r) => r.path === "/gone")).toHaveLength(0);
  });
});

describe("send test", () => {
  it("sends a synthetic firing alert now and answers {ok, status, ms}; a failing receiver says why", async () => {
    await expectOk(
      api("POST", C, {
        token: w.admin.token,
        body: { name: "t-ok", kind: "webhook", config: { url: `${hook.url}/t` } },
      }),
      201,
    );
    hook.received.length = 0;
    const ok = await expectOk<{ ok: boolean; status: number; ms: number; error?: string }>(
      api("POST", `${C}/t-ok/test`, { token: w.admin.token }),
    );
    expect(ok).toMatchObject({ ok: true, status: 200 });
    expect(ok.ms).toBeGreaterThanOrEqual(0);
    expect(ok.error).toBeUndefined();
    expect(hook.received[0].body).toMatchObject({
      version: "4",
      status: "firing",
      receiver: "t-ok",
      alerts: [{ status: "firing", labels: { alertname: "FacetTestAlert", facet_test: "true" } }],
    });
    expect(hook.received[0].body.alerts[0].annotations.message).toContain(w.admin.username);
    // Nothing queued, nothing recorded on the channel.
    const dto = await expectOk<ChannelDto>(api("GET", `${C}/t-ok`, { token: w.admin.token }));
    expect(dto).toMatchObject({ pending: 0, lastDeliveryAt: null, recentDeliveries: [] });

    const failing = await startHttpReceiver();
    failing.respond = () => ({ status: 401, body: { error: "no" } });
    try {
      await expectOk(
        api("POST", C, {
          token: w.admin.token,
          body: { name: "t-bad", kind: "webhook", config: { url: `${failing.url}/t` } },
        }),
        201,
      );
      const res = await expectOk<{ ok: boolean; status: number; error: string }>(
        api("POST", `${C}/t-bad/test`, { token: w.admin.token }),
      );
      expect(res).toMatchObject({ ok: false, status: 401 });
      expect(res.error).toMatch(/HTTP 401/);
    } finally {
      await failing.close();
    }
    const closed = await api<{ ok: boolean; status: number | null; error: string }>("POST", `${C}/t-bad/test`, {
      token: w.admin.token,
    });
    expect(closed.body).toMatchObject({ ok: false, status: null });
    expect(closed.body.error).toMatch(/ECONNREFUSED/);
  });

  it("a member of the tenant who is not its admin gets 403 on the test", async () => {
    expect((await api("POST", `${C}/t-ok/test`, { token: w.dev.token })).status).toBe(403);
  });
});
