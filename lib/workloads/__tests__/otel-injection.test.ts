import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLogs } from "@/lib/db/schema";
import { uniqueName } from "@/lib/testing/factories";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { eventually, kubectl, startReconcilingSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { postOtlp } from "@/lib/testing/telemetry-world";
import { api, expectOk, person, sandboxEnvironment, sysadminToken, tenantProject } from "@/lib/testing/world";

// OpenTelemetry injection on the sandbox: the application's Deployment gets the SDKs' OTEL_*
// variables, a Secret holds a fresh ingest token of the environment, and a span sent with what
// the pod would read from that Secret lands in the environment. Bad settings and callers refused.

type Env = { name: string; value?: string; valueFrom?: Record<string, Record<string, string>> };

let sb: Sandbox;
let server: RouteServer;
let root: string;
let reader: string;
let outsider: string;
let ns = "";
const t = uniqueName("otel");
const project = `/api/v1/tenants/${t}/projects/shop`;
const env = `${project}/environments/dev`;
const telemetry = {
  sampler: "parentbased_traceidratio",
  samplerArg: 0.25,
  propagators: ["tracecontext", "baggage", "b3"],
};

async function deploymentEnv(name: string): Promise<Env[]> {
  const run = await kubectl(sb, ["get", "deployment", name, "-n", ns, "-o", "json"]);
  if (run.code !== 0) return [];
  return JSON.parse(run.stdout).spec.template.spec.containers[0].env ?? [];
}
async function secretHeaders(name: string): Promise<string | null> {
  const run = await kubectl(sb, ["get", "secret", `${name}-otel`, "-n", ns, "-o", "json"]);
  if (run.code !== 0) return null;
  const data = JSON.parse(run.stdout).data ?? {};
  return data.OTEL_EXPORTER_OTLP_HEADERS ? Buffer.from(data.OTEL_EXPORTER_OTLP_HEADERS, "base64").toString() : null;
}
const tokenCount = async () =>
  (
    await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, "ingest-tokens.create"), like(auditLogs.target, `${t}/%`)))
  ).length;

beforeAll(async () => {
  sb = await startReconcilingSandbox();
  server = await startRouteServer();
  root = await sysadminToken();
  await tenantProject(root, t);
  await sandboxEnvironment(root, project, "dev");
  ns = (await expectOk<{ namespace: string }>(api("GET", env, { token: root }))).namespace;
  const r = await person("otelreader");
  await expectOk(
    api("POST", `/api/v1/tenants/${t}/members`, { token: root, body: { username: r.username, role: "member" } }),
    201,
  );
  await expectOk(api("POST", `${env}/members`, { token: root, body: { username: r.username, role: "reader" } }), 201);
  reader = r.token;
  const o = await person("otelout");
  const other = uniqueName("otelother");
  await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: other } }), 201);
  await expectOk(
    api("POST", `/api/v1/tenants/${other}/members`, { token: root, body: { username: o.username, role: "admin" } }),
    201,
  );
  outsider = o.token;
}, 60_000);
afterAll(async () => {
  await server?.close();
  await sb?.close();
});

describe("OpenTelemetry injection", () => {
  it("sets the OTEL_* variables and a Secret whose token exports into the environment", async () => {
    const created = await expectOk<{
      telemetry: unknown;
      injectedEnv: { name: string; value: string | null; from: string | null }[];
    }>(
      api("POST", `${env}/applications`, {
        token: root,
        body: {
          name: "web",
          image: "nginx:1.27",
          replicas: 1,
          env: [{ name: "LOG_LEVEL", value: "debug" }],
          telemetry,
        },
      }),
      201,
    );
    expect(created.telemetry).toEqual(telemetry);
    const shown = Object.fromEntries(created.injectedEnv.map((v) => [v.name, v.value ?? v.from]));
    expect(shown).toMatchObject({
      OTEL_SERVICE_NAME: "web",
      OTEL_EXPORTER_OTLP_ENDPOINT: `${sb.server.origin}/api/otlp`,
      OTEL_EXPORTER_OTLP_HEADERS: "secret web-otel/OTEL_EXPORTER_OTLP_HEADERS",
      OTEL_TRACES_SAMPLER: "parentbased_traceidratio",
      OTEL_TRACES_SAMPLER_ARG: "0.25",
      OTEL_PROPAGATORS: "tracecontext,baggage,b3",
      K8S_POD_NAME: "field metadata.name",
    });

    const live = await eventually(
      async () => {
        const e = await deploymentEnv("web");
        return e.some((v) => v.name === "OTEL_SERVICE_NAME") && e;
      },
      20_000,
      "the Deployment with OTEL_* variables",
    );
    const byName = Object.fromEntries(live.map((v) => [v.name, v]));
    expect(live[0]).toEqual({ name: "LOG_LEVEL", value: "debug" });
    expect(byName.OTEL_EXPORTER_OTLP_ENDPOINT.value).toBe(`${sb.server.origin}/api/otlp`);
    expect(byName.OTEL_EXPORTER_OTLP_PROTOCOL.value).toBe("http/protobuf");
    expect(byName.OTEL_EXPORTER_OTLP_HEADERS.valueFrom).toEqual({
      secretKeyRef: { name: "web-otel", key: "OTEL_EXPORTER_OTLP_HEADERS" },
    });
    expect(byName.OTEL_RESOURCE_ATTRIBUTES.value).toBe(
      "k8s.namespace.name=$(K8S_NAMESPACE_NAME),k8s.pod.name=$(K8S_POD_NAME),k8s.deployment.name=web,deployment.environment=dev",
    );
    expect(byName.K8S_NAMESPACE_NAME.valueFrom).toEqual({ fieldRef: { fieldPath: "metadata.namespace" } });
    // The downward-API variables come before the attributes that expand them.
    expect(live.findIndex((v) => v.name === "K8S_POD_NAME")).toBeLessThan(
      live.findIndex((v) => v.name === "OTEL_RESOURCE_ATTRIBUTES"),
    );

    // What the SDK reads from the Secret authenticates an export into this environment only.
    const headers = await secretHeaders("web");
    const m = /^Authorization=(.+)$/.exec(headers ?? "");
    expect(m).not.toBeNull();
    const authorization = decodeURIComponent(m![1]);
    expect(authorization).toMatch(/^Bearer fit_/);
    const span = (namespace: string) => ({
      resourceSpans: [
        {
          resource: {
            attributes: [
              { key: "service.name", value: { stringValue: "web" } },
              { key: "k8s.namespace.name", value: { stringValue: namespace } },
            ],
          },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: "0af7651916cd43dd8448eb211c80319c",
                  spanId: "b7ad6b7169203331",
                  name: "GET /",
                  kind: 2,
                  startTimeUnixNano: String(Date.now() * 1e6),
                  endTimeUnixNano: String((Date.now() + 5) * 1e6),
                },
              ],
            },
          ],
        },
      ],
    });
    const ok = await postOtlp(server.origin, "traces", null, span(ns), { headers: { authorization } });
    expect(ok.status).toBe(200);
    expect(JSON.stringify(ok.body)).not.toContain("rejectedSpans");
    const elsewhere = await postOtlp(server.origin, "traces", null, span("kube-system"), {
      headers: { authorization },
    });
    expect(JSON.stringify(elsewhere.body)).toContain("rejectedSpans");
    const [audit] = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, "ingest-tokens.create"), like(auditLogs.diff, "%otel web%")));
    expect(audit).toBeDefined();
  });

  it("keeps the token across edits, and takes the variables away when switched off", async () => {
    const before = await secretHeaders("web");
    const tokens = await tokenCount();
    await expectOk(
      api("PATCH", `${env}/applications/web`, { token: root, body: { telemetry: { ...telemetry, samplerArg: 0.5 } } }),
    );
    await eventually(
      async () => (await deploymentEnv("web")).some((v) => v.name === "OTEL_TRACES_SAMPLER_ARG" && v.value === "0.5"),
      20_000,
      "the new ratio",
    );
    expect(await secretHeaders("web")).toBe(before);
    expect(await tokenCount()).toBe(tokens);
    await expectOk(api("PATCH", `${env}/applications/web`, { token: root, body: { telemetry: null } }));
    const off = await eventually(
      async () => {
        const e = await deploymentEnv("web");
        return e.length > 0 && !e.some((v) => v.name.startsWith("OTEL_")) && e;
      },
      20_000,
      "no OTEL_* variables",
    );
    expect(off).toEqual([{ name: "LOG_LEVEL", value: "debug" }]);
  });

  it("refuses settings the SDKs would misread, naming the field, and mints nothing", async () => {
    const tokens = await tokenCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ telemetry: { sampler: "traceidratio" } }, "body.telemetry.samplerArg"],
      [{ telemetry: { sampler: "traceidratio", samplerArg: 1.5 } }, "body.telemetry.samplerArg"],
      [{ telemetry: { sampler: "always_on", samplerArg: 0.5 } }, "body.telemetry.samplerArg"],
      [{ telemetry: { sampler: "sometimes" } }, "body.telemetry.sampler"],
      [{ telemetry: { propagators: [] } }, "body.telemetry.propagators"],
      [{ telemetry: { propagators: ["zipkin"] } }, "body.telemetry.propagators.0"],
      [{ telemetry: { propagators: ["b3", "b3"] } }, "body.telemetry.propagators.1"],
      [{ telemetry: {}, env: [{ name: "OTEL_SERVICE_NAME", value: "x" }] }, "body.env.0.name"],
    ];
    for (const [extra, path] of cases) {
      const res = await api<{ errors?: { path: string }[] }>("POST", `${env}/applications`, {
        token: root,
        body: { name: uniqueName("bad"), image: "nginx:1.27", ...extra },
      });
      expect(res.status, JSON.stringify(extra)).toBe(422);
      expect(
        res.body.errors?.map((e) => e.path),
        JSON.stringify(extra),
      ).toContain(path);
    }
    // Switching on for an application that already sets an OTEL_ variable by hand.
    await expectOk(
      api("POST", `${env}/applications`, {
        token: root,
        body: { name: "api", image: "nginx:1.27", env: [{ name: "otel_propagators", value: "b3" }] },
      }),
      201,
    );
    const res = await api<{ errors?: { path: string }[] }>("PATCH", `${env}/applications/api`, {
      token: root,
      body: { telemetry: {} },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => e.path)).toEqual(["body.env.0.name"]);
    expect(await tokenCount()).toBe(tokens);
  });

  it("is for environment writers: a reader gets 403, another tenant 404, and no token is minted", async () => {
    const tokens = await tokenCount();
    expect((await api("PATCH", `${env}/applications/web`, { token: reader, body: { telemetry: {} } })).status).toBe(
      403,
    );
    expect((await api("PATCH", `${env}/applications/web`, { token: outsider, body: { telemetry: {} } })).status).toBe(
      404,
    );
    expect(
      (
        await api("POST", `${env}/applications`, {
          token: outsider,
          body: { name: "sneaky", image: "nginx:1.27", telemetry: {} },
        })
      ).status,
    ).toBe(404);
    expect(await tokenCount()).toBe(tokens);
    expect(await secretHeaders("sneaky")).toBeNull();
  });
});
