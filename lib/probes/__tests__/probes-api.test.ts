import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLogs, probes } from "@/lib/db/schema";
import { MAX_PROBES_PER_ENVIRONMENT } from "@/lib/probes/constants";
import { phaseOffsetMs } from "@/lib/probes/schedule";
import { buildConfigWorld, type ConfigWorld } from "@/lib/testing/config-world";
import { api, expectOk } from "@/lib/testing/world";
import type { ProbeDto } from "@/lib/probes/schemas";

// The probes JSON API: validation per kind (422 naming the field), the egress policy at save,
// the environment-type rule, tenant isolation, audit rows and the per-environment limit.
interface Problem {
  errors?: { path: string; message: string }[];
  detail?: string;
}

describe("probes API", () => {
  let w: ConfigWorld;
  const probesOf = (type: "dev" | "test" | "prod", rest = "") => `${w.env(type)}/probes${rest}`;
  const http = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    kind: "http",
    target: "http://127.0.0.1:1/healthz",
    ...extra,
  });

  beforeAll(async () => {
    w = await buildConfigWorld("prb");
  });
  afterAll(async () => {
    await getDb().delete(probes).where(like(probes.name, "lim-%"));
  });

  it("creates, reads, lists, updates and deletes a probe, each write audited", async () => {
    const created = await expectOk<ProbeDto>(
      api("POST", probesOf("dev"), {
        token: w.dev.token,
        body: http("shop", { intervalSeconds: 30, checks: { validStatusCodes: [200, 204], bodyMustMatch: ["ok"] } }),
      }),
      201,
    );
    expect(created).toMatchObject({
      name: "shop",
      kind: "http",
      intervalSeconds: 30,
      timeoutSeconds: 10,
      enabled: true,
      state: "unknown",
      lastRunAt: null,
      uptime24h: null,
      checks: { validStatusCodes: [200, 204], bodyMustMatch: ["ok"] },
    });
    const [row] = await getDb()
      .select()
      .from(probes)
      .where(eq(probes.id, (await rowOf("shop")).id));
    // First run on the probe's own phase of its interval.
    expect(row.nextRunMs % 30_000).toBe(phaseOffsetMs(row.id, 30_000));
    expect(row.nextRunMs).toBeGreaterThan(Date.now() - 1000);

    expect(await expectOk(api("GET", probesOf("dev", "/shop"), { token: w.reader.token }))).toMatchObject({
      name: "shop",
    });
    const list = await expectOk<{ items: ProbeDto[] }>(api("GET", probesOf("dev"), { token: w.reader.token }));
    expect(list.items.map((p) => p.name)).toEqual(["shop"]);

    const updated = await expectOk<ProbeDto>(
      api("PUT", probesOf("dev", "/shop"), {
        token: w.dev.token,
        body: { kind: "tcp", target: "127.0.0.1:5432", intervalSeconds: 20, timeoutSeconds: 5, enabled: false },
      }),
    );
    expect(updated).toMatchObject({ kind: "tcp", target: "127.0.0.1:5432", timeoutSeconds: 5, enabled: false });
    expect((await api("DELETE", probesOf("dev", "/shop"), { token: w.dev.token })).status).toBe(204);
    expect((await api("GET", probesOf("dev", "/shop"), { token: w.dev.token })).status).toBe(404);

    const audit = await getDb()
      .select({ action: auditLogs.action, diff: auditLogs.diff })
      .from(auditLogs)
      .where(and(like(auditLogs.target, `tenant/${w.tenant}/%/probe/shop`), eq(auditLogs.result, "success")));
    expect(audit.map((a) => a.action)).toEqual(["probes.create", "probes.update", "probes.delete"]);
  });

  async function rowOf(name: string) {
    const [row] = await getDb().select().from(probes).where(eq(probes.name, name));
    return row;
  }

  it("refuses targets that do not fit the kind: 422 naming target, with the reason", async () => {
    const bad: [string, string, Record<string, unknown>?][] = [
      ["http", "not a url"],
      ["http", "ftp://example.com/"],
      ["http", "http://user:pw@example.com/"],
      ["http", "http://exa mple.com/"],
      ["http", " http://example.com/"],
      ["http", ""],
      ["tcp", "example.com"],
      ["tcp", "example.com:0"],
      ["tcp", "example.com:70000"],
      ["tcp", "http://example.com:80"],
      ["tcp", "::1:53"],
      ["tcp", "[::zz]:53"],
      ["tcp", "256.1.1.1:80"],
      ["icmp", "example.com:80"],
      ["icmp", "bad_host!"],
      ["dns", "example.com:99999", { checks: { dnsQueryName: "example.com" } }],
      ["dns", "exa mple.com", { checks: { dnsQueryName: "example.com" } }],
    ];
    for (const [kind, target, extra] of bad) {
      const res = await api<Problem>("POST", probesOf("dev"), {
        token: w.dev.token,
        body: { name: "bad", kind, target, ...extra },
      });
      expect(res.status, `${kind} ${JSON.stringify(target)}`).toBe(422);
      const err = res.body.errors?.find((e) => e.path.endsWith("target"));
      expect(err?.message, `${kind} ${target}`).toMatch(/\w/);
    }
  });

  it("refuses other bad settings with the field's path", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [http("x", { intervalSeconds: 9 }), "intervalSeconds"],
      [http("x", { intervalSeconds: 43_201 }), "intervalSeconds"],
      [http("x", { intervalSeconds: 10.5 }), "intervalSeconds"],
      [http("x", { intervalSeconds: 30, timeoutSeconds: 30 }), "timeoutSeconds"],
      [http("x", { intervalSeconds: 120, timeoutSeconds: 61 }), "timeoutSeconds"],
      [http("x", { checks: { validStatusCodes: [99] } }), "checks.validStatusCodes.0"],
      [http("x", { checks: { bodyMustMatch: ["("] } }), "checks.bodyMustMatch.0"],
      [http("x", { checks: { bodyMustMatch: ["(?=x)"] } }), "checks.bodyMustMatch.0"],
      [http("x", { checks: { bodyMustMatch: ["(a)\\1"] } }), "checks.bodyMustMatch.0"],
      [http("x", { checks: { bodyMustMatch: ["(?<v>a)"] } }), "checks.bodyMustMatch.0"],
      [http("x", { checks: { bodyMustNotMatch: ["\\Z"] } }), "checks.bodyMustNotMatch.0"],
      [http("x", { checks: { bodyMustNotMatch: ["a".repeat(257)] } }), "checks.bodyMustNotMatch.0"],
      [http("x", { checks: { bodyMustMatch: Array.from({ length: 11 }, () => "a") } }), "checks.bodyMustMatch"],
      [http("x", { checks: { certExpiryWarningDays: 0 } }), "checks.certExpiryWarningDays"],
      [http("x", { checks: { dnsQueryName: "example.com" } }), "checks.dnsQueryName"],
      [{ name: "x", kind: "tcp", target: "h:1", checks: { tlsRequired: true } }, "checks.tlsRequired"],
      [{ name: "x", kind: "dns", target: "1.1.1.1" }, "checks.dnsQueryName"],
      [{ name: "x", kind: "smtp", target: "h:25" }, "kind"],
      [http("Bad_Name"), "name"],
      [http("a".repeat(64)), "name"],
    ];
    for (const [body, path] of cases) {
      const res = await api<Problem>("POST", probesOf("dev"), { token: w.dev.token, body });
      expect(res.status, JSON.stringify(body).slice(0, 120)).toBe(422);
      expect(
        res.body.errors?.map((e) => e.path),
        JSON.stringify(body).slice(0, 120),
      ).toContainEqual(expect.stringContaining(path));
    }
  });

  it("applies the egress policy at save: metadata, link-local and private addresses are 422 on target", async () => {
    for (const target of [
      "http://169.254.169.254/latest/meta-data/",
      "http://[fe80::1]/",
      "http://10.0.0.1/",
      "http://[::ffff:169.254.169.254]/",
    ]) {
      const res = await api<Problem>("POST", probesOf("dev"), { token: w.dev.token, body: http("eg", { target }) });
      expect(res.status, target).toBe(422);
      expect(res.body.errors?.[0]).toMatchObject({ path: "target" });
    }
    const tcp = await api<Problem>("POST", probesOf("dev"), {
      token: w.dev.token,
      body: { name: "eg", kind: "tcp", target: "192.168.1.1:22" },
    });
    expect(tcp.status).toBe(422);
    const icmp = await api<Problem>("POST", probesOf("dev"), {
      token: w.dev.token,
      body: { name: "eg", kind: "icmp", target: "169.254.169.254" },
    });
    expect(icmp.status).toBe(422);
    const update = await expectOk(api("POST", probesOf("dev"), { token: w.dev.token, body: http("eg-ok") }), 201);
    expect(update).toBeTruthy();
    const put = await api<Problem>("PUT", probesOf("dev", "/eg-ok"), {
      token: w.dev.token,
      body: { kind: "http", target: "http://169.254.169.254/" },
    });
    expect(put.status).toBe(422);
    expect(put.body.errors?.[0]).toMatchObject({ path: "target" });
    await api("DELETE", probesOf("dev", "/eg-ok"), { token: w.dev.token });
  });

  it("environment-type rule: a reader writes nothing, a dev writes dev but not prod, a project admin writes prod", async () => {
    const r = w.reader.token;
    expect((await api("POST", probesOf("dev"), { token: r, body: http("r1") })).status).toBe(403);
    await expectOk(api("POST", probesOf("dev"), { token: w.dev.token, body: http("rbac") }), 201);
    expect((await api("PUT", probesOf("dev", "/rbac"), { token: r, body: http("rbac") })).status).toBe(403);
    expect((await api("DELETE", probesOf("dev", "/rbac"), { token: r })).status).toBe(403);
    expect((await api("GET", probesOf("dev", "/rbac/results"), { token: r })).status).toBe(200);
    expect((await api("GET", probesOf("dev", "/rbac/probe-object"), { token: r })).status).toBe(200);

    expect((await api("POST", probesOf("prod"), { token: w.dev.token, body: http("p1") })).status).toBe(403);
    expect((await api("GET", probesOf("prod"), { token: w.dev.token })).status).toBe(200);
    await expectOk(api("POST", probesOf("prod"), { token: w.admin.token, body: http("p1") }), 201);
    expect((await api("DELETE", probesOf("prod", "/p1"), { token: w.dev.token })).status).toBe(403);
    // A refused write leaves a failure audit row.
    const refused = await getDb()
      .select()
      .from(auditLogs)
      .where(
        and(
          eq(auditLogs.action, "probes.write"),
          eq(auditLogs.result, "failure"),
          eq(auditLogs.tenantId, (await tenantIdOf()) ?? -1),
        ),
      );
    expect(refused.length).toBeGreaterThan(0);
  });

  async function tenantIdOf() {
    const [row] = await getDb().select({ t: probes.tenantId }).from(probes).where(eq(probes.name, "rbac"));
    return row?.t;
  }

  it("refuses a results window that is reversed or longer than 31 days", async () => {
    const now = Date.now();
    for (const q of [`start=${now}&end=${now - 1}`, `start=${now - 32 * 86_400_000}&end=${now}`, "start=soon"]) {
      const res = await api<Problem>("GET", probesOf("dev", `/rbac/results?${q}`), { token: w.reader.token });
      expect(res.status, q).toBe(422);
      expect(res.body.errors?.[0].path, q).toMatch(/start/);
    }
    const ok = await expectOk<{ startMs: number; endMs: number; stepMs: number; points: unknown[] }>(
      api("GET", probesOf("dev", `/rbac/results?start=${now - 7 * 86_400_000}&end=${now}`), { token: w.reader.token }),
    );
    // A week at a 60 s interval is answered in at most 720 steps.
    expect(ok.stepMs).toBe(840_000);
    expect(ok.points).toEqual([]);
  });

  it("another tenant's member gets 404 for everything, never the probe", async () => {
    const o = w.outsider.token;
    for (const [method, path] of [
      ["GET", probesOf("dev")],
      ["GET", probesOf("dev", "/rbac")],
      ["GET", probesOf("dev", "/rbac/results")],
      ["GET", probesOf("dev", "/rbac/probe-object")],
      ["DELETE", probesOf("dev", "/rbac")],
    ] as const)
      expect((await api(method, path, { token: o })).status, `${method} ${path}`).toBe(404);
    expect((await api("POST", probesOf("dev"), { token: o, body: http("x") })).status).toBe(404);
    expect((await api("PUT", probesOf("dev", "/rbac"), { token: o, body: http("x") })).status).toBe(404);
  });

  it("a duplicate name is 409; the environment's limit is 409 once reached", async () => {
    const dup = await api<Problem>("POST", probesOf("dev"), { token: w.dev.token, body: http("rbac") });
    expect(dup.status).toBe(409);
    const [env] = await getDb()
      .select({ e: probes.environmentId, t: probes.tenantId })
      .from(probes)
      .where(eq(probes.name, "rbac"));
    const have = (await getDb().select().from(probes).where(eq(probes.environmentId, env.e))).length;
    await getDb()
      .insert(probes)
      .values(
        Array.from({ length: MAX_PROBES_PER_ENVIRONMENT - have }, (_, i) => ({
          tenantId: env.t,
          environmentId: env.e,
          name: `lim-${i}`,
          kind: "tcp" as const,
          target: "127.0.0.1:1",
          intervalSeconds: 60,
          timeoutSeconds: 5,
          checks: {},
          enabled: false,
        })),
      );
    const over = await api<Problem>("POST", probesOf("dev"), { token: w.dev.token, body: http("one-more") });
    expect(over.status).toBe(409);
    expect(over.body.detail).toContain(String(MAX_PROBES_PER_ENVIRONMENT));
  });

  it("renders a Probe object that names the standard module, the job and the static target", async () => {
    await expectOk(
      api("POST", probesOf("test"), {
        token: w.admin.token,
        body: {
          name: "dns1",
          kind: "dns",
          target: "127.0.0.1:53",
          intervalSeconds: 300,
          timeoutSeconds: 20,
          checks: { dnsQueryName: "example.com" },
        },
      }),
      201,
    );
    const obj = await expectOk<{
      apiVersion: string;
      kind: string;
      metadata: { namespace: string };
      spec: Record<string, unknown>;
    }>(api("GET", probesOf("test", "/dns1/probe-object"), { token: w.reader.token }));
    expect(obj).toMatchObject({
      apiVersion: "monitoring.coreos.com/v1",
      kind: "Probe",
      spec: {
        jobName: "probe/dns1",
        interval: "300s",
        scrapeTimeout: "20s",
        module: "dns",
        prober: { path: "/probe" },
        targets: { staticConfig: { static: ["127.0.0.1:53"] } },
      },
    });
    expect(obj.metadata.namespace).toMatch(/\w/);
  });
});
