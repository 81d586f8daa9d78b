import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueName } from "@/lib/testing/factories";
import { startSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { api, expectOk, generousQuota, sysadminToken } from "@/lib/testing/world";
import { installMonitoringCrds } from "../testing/install-monitoring-crds";

// On a cluster that serves Prometheus-Operator's CRDs (the sandbox, with them installed), a
// rule is kept there as a PrometheusRule and an AlertmanagerConfig: created, replaced, removed
// when disabled or deleted; log rules never get one.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

describe("operator objects on a cluster with Prometheus-Operator", () => {
  let sb: Sandbox;
  let root: string;
  let env: string;
  let ns: string;
  const kube = async (path: string) => {
    const res = await fetch(`${sb.server.href}${path}`, { headers: { authorization: `Bearer ${sb.token}` } });
    return { status: res.status, body: (await res.json().catch(() => null)) as Doc };
  };
  const rulePath = (name: string) =>
    `/apis/monitoring.coreos.com/v1/namespaces/${ns}/prometheusrules/facet-alert-${name}`;
  const routePath = (name: string) =>
    `/apis/monitoring.coreos.com/v1alpha1/namespaces/${ns}/alertmanagerconfigs/facet-alert-${name}`;
  const cpu = (enabled = true, value = 0.8) => ({
    name: "cpu",
    kind: "metric",
    enabled,
    for: 120,
    levels: [
      { op: ">", value, severity: "warning" },
      { op: ">", value: 2, severity: "critical" },
    ],
    receivers: [{ channel: "ops", scope: "tenant", repeatIntervalSeconds: 900 }],
    metric: { template: { scope: "containers", resource: "container", rule: "cpu-usage" } },
  });

  beforeAll(async () => {
    sb = await startSandbox();
    process.env.FACET_INTERNAL_URL = sb.server.origin;
    await installMonitoringCrds({ server: sb.server.href, token: sb.token });
    root = await sysadminToken();
    const t = uniqueName("alo");
    await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: t } }), 201);
    await expectOk(api("PUT", `/api/v1/tenants/${t}/quotas/sandbox`, { token: root, body: generousQuota }));
    await expectOk(api("POST", `/api/v1/tenants/${t}/projects`, { token: root, body: { name: "shop" } }), 201);
    const quota = { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "10" };
    await expectOk(
      api("POST", `/api/v1/tenants/${t}/projects/shop/environments`, {
        token: root,
        body: { name: "prod", type: "prod", cluster: "sandbox", quota },
      }),
      201,
    );
    env = `/api/v1/tenants/${t}/projects/shop/environments/prod`;
    await expectOk(api("POST", `${env}/sync`, { token: root }));
    ns = (await expectOk<{ namespace: string }>(api("GET", env, { token: root }))).namespace;
  }, 120_000);
  afterAll(async () => sb?.close());

  it("creates, replaces and removes the objects with the rule", async () => {
    await expectOk(api("POST", `${env}/alert-rules`, { token: root, body: cpu() }), 201);
    let rule = await kube(rulePath("cpu"));
    expect(rule.status).toBe(200);
    expect(rule.body.metadata.labels).toMatchObject({ "app.kubernetes.io/managed-by": "facet" });
    const exprs = rule.body.spec.groups[0].rules.map((r: Doc) => r.expr);
    expect(exprs[0]).toContain(`namespace="${ns}"`);
    expect(exprs[0]).toMatch(/> 0\.8$/);
    const route = await kube(routePath("cpu"));
    expect(route.status).toBe(200);
    expect(route.body.spec.route).toMatchObject({ receiver: "ops", repeatInterval: "900s" });

    await expectOk(api("PUT", `${env}/alert-rules/cpu`, { token: root, body: cpu(true, 1.2) }));
    rule = await kube(rulePath("cpu"));
    expect(rule.body.spec.groups[0].rules[0].expr).toMatch(/> 1\.2$/);

    await expectOk(api("PUT", `${env}/alert-rules/cpu`, { token: root, body: cpu(false) }));
    expect((await kube(rulePath("cpu"))).status).toBe(404);
    expect((await kube(routePath("cpu"))).status).toBe(404);

    await expectOk(api("PUT", `${env}/alert-rules/cpu`, { token: root, body: cpu(true) }));
    expect((await kube(rulePath("cpu"))).status).toBe(200);
    await expectOk(api("DELETE", `${env}/alert-rules/cpu`, { token: root }));
    expect((await kube(rulePath("cpu"))).status).toBe(404);
    expect((await kube(routePath("cpu"))).status).toBe(404);
  });

  it("gives log rules no PrometheusRule", async () => {
    await expectOk(
      api("POST", `${env}/alert-rules`, {
        token: root,
        body: {
          name: "errors",
          kind: "log",
          levels: [{ op: ">", value: 0, severity: "warning" }],
          log: { matchers: {}, regex: "ERROR", windowSeconds: 60 },
        },
      }),
      201,
    );
    expect((await kube(rulePath("errors"))).status).toBe(404);
  });
});
