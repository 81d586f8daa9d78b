import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLogs } from "@/lib/db/schema";
import { uniqueName } from "@/lib/testing/factories";
import { environmentOnOwnCluster, telemetryWorld, type TelemetryWorld } from "@/lib/testing/telemetry-world";
import { api, expectOk, person } from "@/lib/testing/world";
import type { AlertRuleDto, AlertTemplatesDto, SilenceDto } from "../schemas";

// The rule, silence and template API: CRUD, every expression checked before it is saved (422
// naming the field and the position), the namespace scoping, RBAC and tenant isolation, audit.

type Problem = { errors?: { path: string; message: string }[]; code?: string };

const cpuRule = (name: string) => ({
  name,
  kind: "metric",
  for: 60,
  message: "{{ $labels.pod }} uses {{ $value }} cores",
  levels: [
    { op: ">", value: 0.8, severity: "warning" },
    { op: ">", value: 1.5, severity: "critical" },
  ],
  receivers: [{ channel: "ops", scope: "tenant", repeatIntervalSeconds: 600 }],
  metric: { template: { scope: "containers", resource: "container", rule: "cpu-usage", labels: { pod: "web-1" } } },
});
const logRule = (name: string, log: Record<string, unknown> = {}) => ({
  name,
  kind: "log",
  levels: [{ op: ">", value: 0, severity: "warning" }],
  log: { matchers: { service: "web" }, regex: "ERROR", windowSeconds: 300, ...log },
});

async function audited(action: string, target: string) {
  return getDb()
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.action, action), eq(auditLogs.target, target)));
}

describe("alert rules API", () => {
  let w: TelemetryWorld;
  let rules: string;
  let writer: { username: string; token: string };
  let otherAdmin: { token: string };
  let other: string;

  beforeAll(async () => {
    w = await telemetryWorld("alr");
    rules = `${w.env("a")}/alert-rules`;
    const dev = await person("dev");
    await expectOk(
      api("POST", `/api/v1/tenants/${w.tenant}/members`, {
        token: w.root,
        body: { username: dev.username, role: "member" },
      }),
      201,
    );
    await expectOk(
      api("POST", `/api/v1/tenants/${w.tenant}/projects/shop/members`, {
        token: w.root,
        body: { username: dev.username, role: "dev" },
      }),
      201,
    );
    writer = dev;
    // A second tenant whose admin must not see the first's rules.
    other = uniqueName("alo");
    const admin = await person("alo-admin");
    await expectOk(api("POST", "/api/v1/tenants", { token: w.root, body: { name: other } }), 201);
    await expectOk(
      api("POST", `/api/v1/tenants/${other}/members`, {
        token: w.root,
        body: { username: admin.username, role: "admin" },
      }),
      201,
    );
    otherAdmin = admin;
  });

  it("creates, reads, updates, disables and deletes a template rule, with the namespace injected and audit rows", async () => {
    const created = await expectOk<AlertRuleDto>(
      api("POST", rules, { token: writer.token, body: cpuRule("cpu") }),
      201,
    );
    expect(created).toMatchObject({ name: "cpu", kind: "metric", enabled: true, for: 60, state: "ok" });
    expect(created.expr).toBe(
      `sum by (pod) (rate(container_cpu_usage_seconds_total{namespace="${w.namespace("a")}", pod="web-1", container!=""}[5m]))`,
    );
    expect(await audited("alerts.rules.create", `${w.tenant}/shop/env-a/alert-rules/cpu`)).toHaveLength(1);

    const list = await expectOk<{ items: AlertRuleDto[] }>(api("GET", rules, { token: w.reader.token }));
    expect(list.items.map((r) => r.name)).toEqual(["cpu"]);
    await expectOk(api("GET", `${rules}/cpu`, { token: w.reader.token }));

    const updated = await expectOk<AlertRuleDto>(
      api("PUT", `${rules}/cpu`, { token: writer.token, body: { ...cpuRule("cpu"), enabled: false, for: 120 } }),
    );
    expect(updated).toMatchObject({ enabled: false, for: 120 });
    expect(await audited("alerts.rules.update", `${w.tenant}/shop/env-a/alert-rules/cpu`)).toHaveLength(1);

    const renamed = await api<Problem>("PUT", `${rules}/cpu`, { token: writer.token, body: cpuRule("cpu2") });
    expect(renamed.status).toBe(422);
    expect(renamed.body.errors?.[0].path).toBe("name");

    expect((await api("POST", rules, { token: writer.token, body: cpuRule("cpu") })).status).toBe(409);

    await expectOk(api("DELETE", `${rules}/cpu`, { token: writer.token }));
    expect(await audited("alerts.rules.delete", `${w.tenant}/shop/env-a/alert-rules/cpu`)).toHaveLength(1);
    expect((await api("GET", `${rules}/cpu`, { token: w.root })).status).toBe(404);
  });

  it("compiles log rules to scoped LogQL and probe rules to scoped PromQL with their natural level", async () => {
    const log = await expectOk<AlertRuleDto>(api("POST", rules, { token: w.root, body: logRule("errors") }), 201);
    expect(log.expr).toBe(`sum(count_over_time({namespace="${w.namespace("a")}", service="web"} |~ "ERROR" [300s]))`);
    const probe = await expectOk<AlertRuleDto>(
      api("POST", rules, {
        token: w.root,
        body: { name: "home-down", kind: "probe", probe: { probe: "home", condition: "failing", minutes: 3 } },
      }),
      201,
    );
    expect(probe.expr).toBe(`max_over_time(probe_success{namespace="${w.namespace("a")}", job="probe/home"}[3m])`);
    expect(probe.levels).toEqual([{ op: "==", value: 0, severity: "critical" }]);
    const cert = await expectOk<AlertRuleDto>(
      api("POST", rules, {
        token: w.root,
        body: { name: "home-cert", kind: "probe", probe: { probe: "home", condition: "cert-expiry", days: 10 } },
      }),
      201,
    );
    expect(cert.levels).toEqual([{ op: "<", value: 10, severity: "warning" }]);
  });

  it.each([
    ["a log regex that backtracks", logRule("bad1", { regex: "(a+)+$" }), "log.regex"],
    ["a log window over 10 minutes", logRule("bad2", { windowSeconds: 601 }), "body.log.windowSeconds"],
    [
      "a log matcher on another namespace",
      logRule("bad3", { matchers: { namespace: "kube-system" } }),
      "log.matchers.namespace",
    ],
    [
      "a log matcher the embedded store cannot filter",
      logRule("bad4", { matchers: { team: "x" } }),
      "log.matchers.team",
    ],
    [
      "a template label it does not carry",
      {
        ...cpuRule("bad5"),
        metric: {
          template: { scope: "containers", resource: "container", rule: "cpu-usage", labels: { service: "x" } },
        },
      },
      "metric.template.labels.service",
    ],
    [
      "an unknown template",
      { ...cpuRule("bad6"), metric: { template: { scope: "containers", resource: "container", rule: "nope" } } },
      "metric.template",
    ],
    ["raw PromQL without a Prometheus backend", { ...cpuRule("bad7"), metric: { promql: "up" } }, "metric.promql"],
    [
      "a probe rule without minutes",
      { name: "bad8", kind: "probe", probe: { probe: "home", condition: "failing" } },
      "probe.minutes",
    ],
    ["a metric rule with a log part", { ...cpuRule("bad9"), log: logRule("x").log }, "body.log"],
    ["a metric rule without levels", { ...cpuRule("bad10"), levels: [] }, "body.levels"],
    [
      "two levels of one severity",
      {
        ...cpuRule("bad11"),
        levels: [
          { op: ">", value: 1, severity: "error" },
          { op: ">", value: 2, severity: "error" },
        ],
      },
      "body.levels",
    ],
    [
      "an unknown operator",
      { ...cpuRule("bad12"), levels: [{ op: "=~", value: 1, severity: "error" }] },
      "body.levels.0.op",
    ],
    [
      "a repeat interval under a minute",
      { ...cpuRule("bad13"), receivers: [{ channel: "ops", repeatIntervalSeconds: 5 }] },
      "body.receivers.0.repeatIntervalSeconds",
    ],
  ])("refuses %s with 422 naming the field", async (_what, body, path) => {
    const res = await api<Problem>("POST", rules, { token: w.root, body });
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => e.path)).toContain(path);
    expect((await api("GET", `${rules}/${(body as { name: string }).name}`, { token: w.root })).status).toBe(404);
  });

  it("names the position of a PromQL syntax error even where the cluster has no Prometheus", async () => {
    for (const [promql, message] of [
      ["sum(rate(http_requests_total[5m])", "line 1, column"],
      ['up{namespace="kube-system"}', "may only read namespace"],
    ]) {
      const res = await api<Problem>("POST", rules, {
        token: w.root,
        body: { ...cpuRule("bad-pos"), metric: { promql } },
      });
      expect(res.status).toBe(422);
      expect(res.body.errors?.[0]).toMatchObject({ path: "metric.promql" });
      expect(res.body.errors?.[0].message).toContain(message);
    }
  });

  describe("raw PromQL on a cluster with Prometheus", () => {
    let env: string;
    let namespace: string;
    beforeAll(async () => {
      const own = await environmentOnOwnCluster(w.root);
      env = own.env;
      namespace = own.namespace;
      // Never contacted when saving: rules are parsed and scoped locally.
      await expectOk(
        api("PUT", `/api/v1/clusters/${own.cluster}/telemetry-backends`, {
          token: w.root,
          body: { prometheus: { url: "http://127.0.0.1:9" } },
        }),
      );
    });

    it("saves a rule with the namespace matcher on every selector", async () => {
      const res = await expectOk<AlertRuleDto>(
        api("POST", `${env}/alert-rules`, {
          token: w.root,
          body: {
            ...cpuRule("ratio"),
            metric: {
              promql: 'sum(rate(errors_total[5m])) / on() group_left sum(rate(requests_total{code!="x"}[5m]))',
            },
          },
        }),
        201,
      );
      expect(res.expr).toBe(
        `sum(rate(errors_total{namespace="${namespace}"}[5m])) / on() group_left sum(rate(requests_total{namespace="${namespace}", code!="x"}[5m]))`,
      );
    });

    it.each([
      ["rate(x[5m]", "Syntax error at line 1, column 11 (offset 10)"],
      ['sum(a)\n  + (b{c="d"', "Syntax error at line 2, column 13 (offset 19)"],
      ['x{namespace="kube-system"}', "may only read namespace"],
      ['x{namespace=~".*"}', "may only read namespace"],
      ['x{namespace!=""}', "may only read namespace"],
      ['max_over_time(rate(x[1m])[5m:1m]) / on() y{namespace="o"}', "at line 1, column 44 (offset 43)"],
    ])("refuses %j with 422 and the position", async (promql, message) => {
      const res = await api<Problem>("POST", `${env}/alert-rules`, {
        token: w.root,
        body: { ...cpuRule(uniqueName("r").slice(0, 20)), metric: { promql } },
      });
      expect(res.status).toBe(422);
      expect(res.body.errors?.[0].path).toBe("metric.promql");
      expect(res.body.errors?.[0].message).toContain(message);
    });
  });

  it("renders the rule as a PrometheusRule and an AlertmanagerConfig that pass the CRD schemas", async () => {
    await expectOk(api("POST", rules, { token: w.root, body: cpuRule("cpu-render") }), 201);
    type Rendered = {
      prometheusRule: { spec: { groups: { rules: { expr: string; for?: string; labels: { severity: string } }[] }[] } };
      alertmanagerConfig: { spec: { inhibitRules: unknown[] } };
    };
    const res = await expectOk<Rendered>(api("GET", `${rules}/cpu-render/prometheus-rule`, { token: w.reader.token }));
    expect(res.prometheusRule).toMatchObject({
      apiVersion: "monitoring.coreos.com/v1",
      kind: "PrometheusRule",
      metadata: { name: "facet-alert-cpu-render", namespace: w.namespace("a") },
    });
    const [group] = res.prometheusRule.spec.groups;
    expect(group.rules.map((r) => r.labels.severity)).toEqual(["warning", "critical"]);
    expect(group.rules[1].expr).toContain(`namespace="${w.namespace("a")}"`);
    expect(group.rules[1].expr).toMatch(/\) > 1\.5$/);
    expect(group.rules[0].for).toBe("60s");
    expect(res.alertmanagerConfig).toMatchObject({
      apiVersion: "monitoring.coreos.com/v1alpha1",
      kind: "AlertmanagerConfig",
      spec: { route: { receiver: "ops", repeatInterval: "600s" }, receivers: [{ name: "ops" }] },
    });
    expect(res.alertmanagerConfig.spec.inhibitRules).toHaveLength(1);
    // Log rules are LogQL: not a PrometheusRule.
    expect((await api("GET", `${rules}/errors/prometheus-rule`, { token: w.root })).status).toBe(412);
  });

  describe("RBAC and tenant isolation", () => {
    beforeAll(async () => {
      await expectOk(api("POST", rules, { token: w.root, body: cpuRule("guarded") }), 201);
    });

    it("lets an environment reader read but not write (403)", async () => {
      for (const path of [rules, `${rules}/guarded`, `${w.env("a")}/alerts`, `${w.env("a")}/silences`])
        expect((await api("GET", path, { token: w.reader.token })).status, path).toBe(200);
      for (const [method, path, body] of [
        ["POST", rules, cpuRule("intruder")],
        ["PUT", `${rules}/guarded`, cpuRule("guarded")],
        ["DELETE", `${rules}/guarded`, undefined],
        [
          "POST",
          `${w.env("a")}/silences`,
          { rule: "guarded", endsAt: new Date(Date.now() + 3600_000).toISOString(), comment: "x" },
        ],
        ["POST", `${w.env("a")}/alerts/1/acknowledge`, undefined],
        ["DELETE", `${w.env("a")}/silences/1`, undefined],
      ] as const)
        expect((await api(method, path, { token: w.reader.token, body })).status, `${method} ${path}`).toBe(403);
      // env-b is not the reader's: reading it is forbidden too.
      expect((await api("GET", `${w.env("b")}/alert-rules`, { token: w.reader.token })).status).toBe(403);
    });

    it("answers 404 to someone outside the tenant and to another tenant's admin, for reads and writes", async () => {
      for (const token of [w.outsider.token, otherAdmin.token])
        for (const [method, path] of [
          ["GET", rules],
          ["GET", `${rules}/guarded`],
          ["PUT", `${rules}/guarded`],
          ["DELETE", `${rules}/guarded`],
          ["GET", `${w.env("a")}/alerts`],
          ["POST", `${w.env("a")}/alerts/1/acknowledge`],
          ["GET", `${w.env("a")}/silences`],
          ["GET", `/api/v1/tenants/${w.tenant}/alerts/overview`],
        ] as const)
          expect(
            (await api(method, path, { token, body: method === "PUT" ? cpuRule("guarded") : undefined })).status,
            `${method} ${path}`,
          ).toBe(404);
      // The rule is still there.
      await expectOk(api("GET", `${rules}/guarded`, { token: w.root }));
    });

    it("serves the template catalogue to everybody", async () => {
      const res = await expectOk<AlertTemplatesDto>(api("GET", "/api/v1/alert-templates", { token: w.outsider.token }));
      const rulesOf = (scope: string) =>
        res.scopes.find((s) => s.name === scope)!.resources.flatMap((r) => r.rules.map((x) => x.name));
      expect(rulesOf("containers")).toEqual(["cpu-usage", "memory-usage", "restarts"]);
      expect(rulesOf("apm")).toEqual(expect.arrayContaining(["error-rate", "p90-latency"]));
      expect(rulesOf("probes")).toContain("success");
      const errorRate = res.scopes[1].resources[0].rules[0];
      expect(errorRate).toMatchObject({ unit: "%", labels: ["service"], embedded: true });
    });
  });

  describe("silences", () => {
    const silences = () => `${w.env("a")}/silences`;
    it("creates, lists and deletes a silence, audited; refuses bad ones with 422", async () => {
      await expectOk(api("POST", rules, { token: w.root, body: cpuRule("silenced") }), 201);
      const endsAt = new Date(Date.now() + 3600_000).toISOString();
      const s = await expectOk<SilenceDto>(
        api("POST", silences(), {
          token: writer.token,
          body: { rule: "silenced", matchers: { pod: "web-1" }, endsAt, comment: "deploy" },
        }),
        201,
      );
      expect(s).toMatchObject({
        rule: "silenced",
        matchers: { pod: "web-1" },
        comment: "deploy",
        createdBy: writer.username,
        active: true,
      });
      const list = await expectOk<{ items: SilenceDto[] }>(api("GET", silences(), { token: w.reader.token }));
      expect(list.items.map((x) => x.id)).toContain(s.id);
      expect(await audited("alerts.silences.create", `${w.tenant}/shop/env-a/silences/${s.id}`)).toHaveLength(1);
      // Another environment's path does not reach it.
      expect((await api("DELETE", `${w.env("b")}/silences/${s.id}`, { token: w.root })).status).toBe(404);
      await expectOk(api("DELETE", `${silences()}/${s.id}`, { token: writer.token }));
      expect(await audited("alerts.silences.delete", `${w.tenant}/shop/env-a/silences/${s.id}`)).toHaveLength(1);
      expect((await api("DELETE", `${silences()}/${s.id}`, { token: writer.token })).status).toBe(404);

      for (const [body, path] of [
        [{ rule: "nope", endsAt, comment: "x" }, "rule"],
        [{ endsAt, comment: "x" }, "body.matchers"],
        [{ rule: "silenced", endsAt: new Date(Date.now() - 1000).toISOString(), comment: "x" }, "body.endsAt"],
        [{ rule: "silenced", endsAt, comment: "" }, "body.comment"],
      ] as const) {
        const res = await api<Problem>("POST", silences(), { token: w.root, body });
        expect(res.status, JSON.stringify(body)).toBe(422);
        expect(res.body.errors?.map((e) => e.path)).toContain(path);
      }
    });
  });
});
