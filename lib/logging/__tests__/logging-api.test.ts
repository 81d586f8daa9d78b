import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLogs, clusters } from "@/lib/db/schema";
import { ingestMetrics } from "@/lib/telemetry/ingest/ingest-metrics";
import { decodeMetricsJson } from "@/lib/telemetry/otlp/decode-json";
import { uniqueName } from "@/lib/testing/factories";
import { eventually, startSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { api, expectOk, generousQuota, person, sysadminToken } from "@/lib/testing/world";
import { installLoggingCrds } from "../testing/install-crds";

// The logging API against the sandbox cluster over HTTP: every bad input is a 422 at its line
// and leaves the cluster untouched; stale edits and double collection are 409s; the
// environment-type rule holds; every write is audited; secrets never come back.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;
type Issue = { path: string; line: number | null; column: number | null; message: string };
type Problem = { status: number; detail: string; errors?: Issue[]; diff?: { before: string; after: string } };

let sb: Sandbox;
let root: string;
let dev: Awaited<ReturnType<typeof person>>;
let reader: Awaited<ReturnType<typeof person>>;
let outsider: Awaited<ReturnType<typeof person>>;
const t = uniqueName("log");
const P = `/api/v1/tenants/${t}/projects/shop`;
const DEV = `${P}/environments/dev`;
const PROD = `${P}/environments/prod`;
let ns = "";
const SECRET = `s3cr3t-${Math.random().toString(36).slice(2)}`;
const G = "/apis/logging.banzaicloud.io/v1beta1";

/** The sandbox's Kubernetes API, straight (what is really on the cluster). */
async function kube(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sb.server.href}${path}`, {
    method,
    headers: { authorization: `Bearer ${sb.token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Doc };
}
const flowNames = async () =>
  ((await kube("GET", `${G}/namespaces/${ns}/flows`)).body.items ?? []).map((f: Doc) => f.metadata.name).sort();

const flowYaml = (name: string, spec: string, extra = "") => `apiVersion: logging.banzaicloud.io/v1beta1
kind: Flow
metadata:
  name: ${name}${extra}
spec:
${spec}`;

beforeAll(async () => {
  sb = await startSandbox();
  process.env.FACET_INTERNAL_URL = sb.server.origin;
  root = await sysadminToken();
  [dev, reader, outsider] = await Promise.all(["ldev", "lreader", "lout"].map(person));
  await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: t } }), 201);
  await expectOk(api("PUT", `/api/v1/tenants/${t}/quotas/sandbox`, { token: root, body: generousQuota }));
  for (const p of [dev, reader])
    await expectOk(
      api("POST", `/api/v1/tenants/${t}/members`, { token: root, body: { username: p.username, role: "member" } }),
      201,
    );
  await expectOk(api("POST", `/api/v1/tenants/${t}/projects`, { token: root, body: { name: "shop" } }), 201);
  await expectOk(api("POST", `${P}/members`, { token: root, body: { username: dev.username, role: "dev" } }), 201);
  const quota = { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "10" };
  for (const type of ["dev", "prod"]) {
    await expectOk(
      api("POST", `${P}/environments`, { token: root, body: { name: type, type, cluster: "sandbox", quota } }),
      201,
    );
    await expectOk(
      api("POST", `${P}/environments/${type}/members`, {
        token: root,
        body: { username: reader.username, role: "reader" },
      }),
      201,
    );
    await expectOk(api("POST", `${P}/environments/${type}/sync`, { token: root }));
  }
  ns = (await expectOk<{ namespace: string }>(api("GET", DEV, { token: root }))).namespace;
  const other = uniqueName("other");
  await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: other } }), 201);
  await expectOk(
    api("POST", `/api/v1/tenants/${other}/members`, {
      token: root,
      body: { username: outsider.username, role: "admin" },
    }),
    201,
  );
}, 90_000);
afterAll(() => sb?.close());

describe("logging API: a cluster without the Logging Operator", () => {
  it("lists nothing and says why instead of failing", async () => {
    const del = await kube(
      "DELETE",
      "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/loggings.logging.banzaicloud.io",
    );
    expect([200, 404]).toContain(del.status);
    const list = await eventually(async () => {
      const l = await expectOk<Doc>(api("GET", `${DEV}/logging/flows`, { token: reader.token }));
      return l.operator.installed === false && l;
    });
    expect(list).toMatchObject({ collectAll: false, items: [], operator: { controlNamespace: null } });
    expect(list.operator.message).toMatch(/Logging Operator is not installed/);
    const res = await api<Problem>("POST", `${DEV}/logging/flows`, {
      token: root,
      body: { yaml: flowYaml("x", "  {}") },
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/not installed/);
  });
});

describe("logging API: with the operator", () => {
  beforeAll(async () => {
    await installLoggingCrds({ server: sb.server.href, token: sb.token });
    await eventually(
      async () => (await expectOk<Doc>(api("GET", `${DEV}/logging/flows`, { token: root }))).operator.installed,
    );
  });

  it("an Output from the form keeps its password in a Secret only", async () => {
    const res = await api<Doc>("POST", `${DEV}/logging/outputs`, {
      token: dev.token,
      body: {
        name: "loki",
        type: "loki",
        settings: { url: "http://loki.example:3100" },
        secrets: { username: "u", password: SECRET },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
    expect(res.body.item).toMatchObject({
      name: "loki",
      kind: "Output",
      type: "loki",
      target: "http://loki.example:3100",
    });
    const live = await kube("GET", `${G}/namespaces/${ns}/outputs/loki`);
    expect(live.body.spec.loki.password).toEqual({
      valueFrom: { secretKeyRef: { name: "loki-facet-output", key: "password" } },
    });
    const secret = await kube("GET", `/api/v1/namespaces/${ns}/secrets/loki-facet-output`);
    expect(Buffer.from(secret.body.data.password, "base64").toString()).toBe(SECRET);
    const list = await expectOk<Doc>(api("GET", `${DEV}/logging/outputs`, { token: reader.token }));
    expect(list.items.map((i: Doc) => i.name)).toEqual(["loki"]);
    expect(list.operator).toEqual({ installed: true, controlNamespace: "facet-logging" });
    expect(JSON.stringify(list)).not.toContain(SECRET);
    expect(list.items[0].lastChange).toMatchObject({ by: dev.username, action: "logging.outputs.create" });
    // An Output made outside Facet with an inline secret: listed, never with the value.
    const inline = await kube("POST", `${G}/namespaces/${ns}/outputs`, {
      apiVersion: "logging.banzaicloud.io/v1beta1",
      kind: "Output",
      metadata: { name: "by-hand" },
      spec: { loki: { url: "http://loki.example:3100", password: { value: SECRET } } },
    });
    expect(inline.status).toBe(201);
    const shown = await expectOk<Doc>(api("GET", `${DEV}/logging/outputs/by-hand`, { token: reader.token }));
    expect(shown.yaml).toContain("[hidden]");
    expect(JSON.stringify(shown)).not.toContain(SECRET);
    expect(JSON.stringify(await expectOk(api("GET", `${DEV}/logging/outputs`, { token: reader.token })))).not.toContain(
      SECRET,
    );
    expect((await kube("DELETE", `${G}/namespaces/${ns}/outputs/by-hand`)).status).toBe(200);
  });

  it("a Facet output pushes here with a fresh ingest token kept only in its Secret; raw Output YAML works too", async () => {
    const res = await api<Doc>("POST", `${DEV}/logging/outputs`, {
      token: dev.token,
      body: { name: "to-facet", type: "facet" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // The Loki plugin appends /loki/api/v1/push to the url: the output names this Facet's origin.
    expect(res.body.item).toMatchObject({
      type: "facet",
      target: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    const secret = (await kube("GET", `/api/v1/namespaces/${ns}/secrets/to-facet-facet-output`)).body;
    const token = Buffer.from(secret.data.password, "base64").toString();
    expect(token.length).toBeGreaterThan(20);
    expect(JSON.stringify(res.body)).not.toContain(token);
    // A refused submission mints no token.
    const tokens = async () => (await expectOk<Doc>(api("GET", `${DEV}/ingest-tokens`, { token: root }))).items.length;
    const before = await tokens();
    const dup = await api("POST", `${DEV}/logging/outputs`, {
      token: dev.token,
      body: { name: "to-facet", type: "facet" },
    });
    expect(dup.status).toBe(409);
    expect(await tokens()).toBe(before);
    // An edit without secrets keeps the token it had.
    const edited = await api<Doc>("PUT", `${DEV}/logging/outputs/to-facet`, {
      token: dev.token,
      body: { name: "to-facet", type: "facet" },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const after = (await kube("GET", `/api/v1/namespaces/${ns}/secrets/to-facet-facet-output`)).body;
    expect(Buffer.from(after.data.password, "base64").toString()).toBe(token);
    expect(await tokens()).toBe(before);
    const yaml = `apiVersion: logging.banzaicloud.io/v1beta1
kind: Output
metadata:
  name: hook
spec:
  http:
    endpoint: https://hooks.example/logs
    auth:
      username:
        valueFrom:
          secretKeyRef: {name: hook-secret, key: username}
      password:
        valueFrom:
          secretKeyRef: {name: hook-secret, key: password}
`;
    const raw = await api<Doc>("POST", `${DEV}/logging/outputs`, { token: dev.token, body: { yaml } });
    expect(raw.status, JSON.stringify(raw.body)).toBe(201);
    expect(raw.body.item).toMatchObject({ type: "http", target: "https://hooks.example/logs" });
    const flowKind = await api<Problem>("POST", `${DEV}/logging/outputs`, {
      token: dev.token,
      body: { yaml: flowYaml("nope", "  {}") },
    });
    expect(flowKind.status).toBe(422);
    expect(flowKind.body.errors?.[0]).toMatchObject({ path: "kind", line: 2 });
    // The sandbox sends from this process: a metadata address is refused at its line.
    const ssrf = await api<Problem>("POST", `${DEV}/logging/outputs`, {
      token: dev.token,
      body: {
        yaml: yaml
          .replace("name: hook", "name: meta")
          .replace("https://hooks.example/logs", "http://169.254.169.254/latest"),
      },
    });
    expect(ssrf.status).toBe(422);
    expect(ssrf.body.errors?.[0]).toMatchObject({ path: "spec.http.endpoint", line: 7, column: 15 });
    expect((await kube("GET", `${G}/namespaces/${ns}/outputs/meta`)).status).toBe(404);
    expect((await api("DELETE", `${DEV}/logging/outputs/hook`, { token: dev.token })).status).toBe(204);
    expect((await api("DELETE", `${DEV}/logging/outputs/to-facet`, { token: dev.token })).status).toBe(204);
  });

  it("a raw YAML Flow is applied, with its diff, and kubectl would list it", async () => {
    const yaml = flowYaml(
      "web",
      `  match:
    - select:
        labels: {app: web}
  filters:
    - grep:
        regexp:
          - {key: message, pattern: "GET"}
  localOutputRefs: [loki]`,
    );
    const res = await api<Doc>("POST", `${DEV}/logging/flows`, { token: dev.token, body: { yaml } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.diff.before).toBe("");
    expect(res.body.diff.after).toContain("app: web");
    expect(res.body.item).toMatchObject({
      name: "web",
      applications: ["web"],
      filters: ["grep"],
      localOutputRefs: ["loki"],
    });
    expect(await flowNames()).toEqual(["web"]);
    const got = await expectOk<Doc>(api("GET", `${DEV}/logging/flows/web`, { token: reader.token }));
    expect(got).toMatchObject({ name: "web", kind: "Flow", linesPerSecond: [], lastChange: { by: dev.username } });
  });

  const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
`;
  const BAD: [string, string, Partial<Issue>][] = [
    ["a YAML alias bomb", bomb, { line: 2 }],
    ["a wrong kind", flowYaml("w", "  {}").replace("kind: Flow", "kind: ClusterOutput"), { path: "kind", line: 2 }],
    ["another namespace", flowYaml("w", "  {}", "\n  namespace: kube-system"), { path: "metadata.namespace", line: 5 }],
    ["an empty match list", flowYaml("w", "  match: []"), { path: "spec.match", line: 6 }],
    [
      "a match item with neither select nor exclude",
      flowYaml("w", "  match:\n    - {}"),
      { path: "spec.match[0]", line: 7 },
    ],
    [
      "a missing output reference",
      flowYaml("w", "  localOutputRefs:\n    - loki\n    - nowhere"),
      { path: "spec.localOutputRefs[1]", line: 8 },
    ],
    [
      "a missing cluster output",
      flowYaml("w", "  globalOutputRefs: [nope]"),
      { path: "spec.globalOutputRefs[0]", line: 6 },
    ],
    [
      "a type error deep in a filter",
      flowYaml("w", "  filters:\n    - grep:\n        regexp:\n          - key: message\n            pattern: 42"),
      { path: "spec.filters[0].grep.regexp[0].pattern", line: 10, column: 22 },
    ],
  ];
  for (const [what, yaml, expected] of BAD)
    it(`refuses ${what} with 422 at its line, and applies nothing`, async () => {
      const before = await flowNames();
      for (const path of [`${DEV}/logging/flows`, `${DEV}/logging/validate`]) {
        const res = await api<Problem>("POST", path, { token: dev.token, body: { yaml } });
        expect(res.status, JSON.stringify(res.body)).toBe(422);
        expect(res.body.errors?.[0]).toMatchObject(expected);
        expect(res.body.errors?.[0].line).toEqual(expect.any(Number));
      }
      expect(await flowNames()).toEqual(before);
    });

  it("a 2 MB document is 413, nothing applied", async () => {
    const before = await flowNames();
    const yaml = flowYaml("big", `  match:\n    - select:\n        labels: {app: "${"x".repeat(2 * 1024 * 1024)}"}`);
    const res = await api<Problem>("POST", `${DEV}/logging/flows`, { token: dev.token, body: { yaml } });
    expect(res.status).toBe(413);
    expect(await flowNames()).toEqual(before);
  });

  it("validate answers the diff against the live object and applies nothing", async () => {
    // The operator may write the Flow's status between the read and the check (a new
    // resourceVersion, so 409, as Kubernetes answers); a user reloads and checks again.
    let res: { status: number; body: Doc } = { status: 0, body: {} };
    for (let attempt = 0; attempt < 5; attempt++) {
      const live = await expectOk<Doc>(api("GET", `${DEV}/logging/flows/web`, { token: dev.token }));
      const yaml = live.yaml.replace("pattern: GET", "pattern: POST");
      res = await api<Doc>("POST", `${DEV}/logging/validate`, { token: dev.token, body: { yaml } });
      if (res.status !== 409) break;
    }
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.valid).toBe(true);
    const diff = res.body.diff;
    expect(diff.before).toContain("pattern: GET");
    expect(diff.after).toContain("pattern: POST");
    const still = await kube("GET", `${G}/namespaces/${ns}/flows/web`);
    expect(still.body.spec.filters[0].grep.regexp[0].pattern).toBe("GET");
  });

  it("a stale edit is 409 with the new diff, never a silent overwrite", async () => {
    const opened = await expectOk<Doc>(api("GET", `${DEV}/logging/flows/web`, { token: dev.token }));
    // Someone else changes the Flow meanwhile.
    const other = await expectOk<Doc>(
      api("PUT", `${DEV}/logging/flows/web`, {
        token: root,
        body: { yaml: opened.yaml.replace("pattern: GET", "pattern: PUT") },
      }),
    );
    expect(other.item.resourceVersion).not.toBe(opened.resourceVersion);
    const res = await api<Problem>("PUT", `${DEV}/logging/flows/web`, {
      token: dev.token,
      body: { yaml: opened.yaml.replace("pattern: GET", "pattern: DELETE"), resourceVersion: opened.resourceVersion },
    });
    expect(res.status).toBe(409);
    expect(res.body.diff?.before).toContain("pattern: PUT");
    expect(res.body.diff?.after).toContain("pattern: DELETE");
    expect((await kube("GET", `${G}/namespaces/${ns}/flows/web`)).body.spec.filters[0].grep.regexp[0].pattern).toBe(
      "PUT",
    );
  });

  it("the application form builds the Flow; an application already collected elsewhere is 409 naming that Flow", async () => {
    const form = {
      name: "api-logs",
      applications: [{ name: "api", labelKey: "app.kubernetes.io/name" }],
      outputs: ["loki"],
      clusterOutputs: [],
      filters: {
        parser: { keyName: "log" },
        grep: { include: "ERROR", exclude: "healthz" },
        counter: true,
        geoip: { keys: ["client_ip", "remote"] },
        throttle: { linesPerMinute: 600 },
        detectExceptions: true,
      },
    };
    const res = await api<Doc>("POST", `${DEV}/logging/flows`, { token: dev.token, body: form });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const spec = (await kube("GET", `${G}/namespaces/${ns}/flows/api-logs`)).body.spec;
    expect(spec.match).toEqual([{ select: { labels: { "app.kubernetes.io/name": "api" } } }]);
    expect(spec.filters).toEqual([
      { detectExceptions: {} },
      { parser: { key_name: "log", parse: { type: "json" } } },
      { grep: { regexp: [{ key: "message", pattern: "ERROR" }], exclude: [{ key: "message", pattern: "healthz" }] } },
      { geoip: { geoip_lookup_keys: "client_ip,remote" } },
      { throttle: { group_key: "kubernetes.pod_name", group_bucket_period_s: 60, group_bucket_limit: 600 } },
      {
        prometheus: { metrics: [expect.objectContaining({ name: "facet_logging_flow_lines_total", type: "counter" })] },
      },
    ]);
    const again = await api<Problem>("POST", `${DEV}/logging/flows`, {
      token: dev.token,
      body: { ...form, name: "api-again", applications: [{ name: "api", labelKey: "app" }] },
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain("'api-logs'");
    expect(await flowNames()).not.toContain("api-again");
  });

  it("linesPerSecond is the flow's line counter as a rate over the last hour", async () => {
    const [sandbox] = await getDb().select({ id: clusters.id }).from(clusters).where(eq(clusters.name, "sandbox"));
    const now = Date.now();
    const start = now - 4 * 60_000;
    const point = (i: number, flow: string, value: number) => ({
      startTimeUnixNano: `${start - 60_000}000000`,
      timeUnixNano: `${start + i * 60_000}000000`,
      asDouble: value,
      attributes: [
        { key: "flow", value: { stringValue: flow } },
        { key: "kind", value: { stringValue: "Flow" } },
      ],
    });
    const body = {
      resourceMetrics: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "logging-operator" } }] },
          scopeMetrics: [
            {
              scope: { name: "test" },
              metrics: [
                {
                  name: "facet_logging_flow_lines_total",
                  sum: {
                    aggregationTemporality: 2,
                    isMonotonic: true,
                    // 600 more lines each minute: 10 lines per second.
                    dataPoints: [0, 1, 2, 3].map((i) => point(i, "web", i * 600)),
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    await ingestMetrics({ tokenId: 0, clusterId: sandbox.id, pinnedNamespace: ns }, decodeMetricsJson(body));
    const item = await eventually(async () => {
      const got = await expectOk<Doc>(api("GET", `${DEV}/logging/flows/web`, { token: reader.token }));
      return got.linesPerSecond.some((p: Doc) => p.v > 0) && got;
    });
    const values = item.linesPerSecond.map((p: Doc) => p.v).filter((v: number) => v > 0);
    expect(values).toEqual([10, 10, 10]);
    expect(item.linesPerSecond.every((p: Doc) => !Number.isNaN(Date.parse(p.t)))).toBe(true);
    const list = await expectOk<Doc>(api("GET", `${DEV}/logging/flows`, { token: reader.token }));
    expect(list.items.find((i: Doc) => i.name === "web").linesPerSecond.filter((p: Doc) => p.v > 0)).toHaveLength(3);
    // A Flow that shipped nothing: no series, or the operator's counter standing at zero.
    expect(list.items.find((i: Doc) => i.name === "api-logs").linesPerSecond.filter((p: Doc) => p.v > 0)).toEqual([]);
  });

  it("collect-all creates the Flow `default` to the cluster's Facet output, which does not count as collecting an application", async () => {
    const on = await expectOk<Doc>(
      api("PUT", `${DEV}/logging/collect-all`, { token: dev.token, body: { enabled: true } }),
    );
    expect(on).toMatchObject({
      enabled: true,
      flow: { name: "default", globalOutputRefs: ["facet"], filters: ["prometheus"] },
    });
    const flow = (await kube("GET", `${G}/namespaces/${ns}/flows/default`)).body;
    expect(flow.spec.match).toBeUndefined();
    const output = (await kube("GET", `${G}/namespaces/facet-logging/clusteroutputs/facet`)).body;
    expect(output.spec.loki.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const secret = (await kube("GET", "/api/v1/namespaces/facet-logging/secrets/facet-facet-output")).body;
    expect(Buffer.from(secret.data.password, "base64").toString()).toMatch(/^\S{20,}$/);
    expect(JSON.stringify(on)).not.toContain(Buffer.from(secret.data.password, "base64").toString());
    const list = await expectOk<Doc>(api("GET", `${DEV}/logging/flows`, { token: reader.token }));
    expect(list.collectAll).toBe(true);
    // Collecting all does not block collecting one application on its own.
    const form = {
      name: "web2",
      applications: [{ name: "web2", labelKey: "app" }],
      outputs: ["loki"],
      clusterOutputs: ["facet"],
      filters: {},
    };
    expect((await api("POST", `${DEV}/logging/flows`, { token: dev.token, body: form })).status).toBe(201);
    const off = await expectOk<Doc>(
      api("PUT", `${DEV}/logging/collect-all`, { token: dev.token, body: { enabled: false } }),
    );
    expect(off).toEqual({ enabled: false, flow: null });
    expect(await flowNames()).not.toContain("default");
  });

  it("RBAC: a developer writes in dev only, a reader only reads, an outsider sees nothing", async () => {
    const yaml = flowYaml("p1", "  localOutputRefs: []");
    expect((await api("POST", `${PROD}/logging/flows`, { token: dev.token, body: { yaml } })).status).toBe(403);
    expect(
      (
        await api("POST", `${PROD}/logging/outputs`, {
          token: dev.token,
          body: { name: "o", type: "http", settings: { endpoint: "http://x.example" } },
        })
      ).status,
    ).toBe(403);
    expect((await api("GET", `${PROD}/logging/flows`, { token: dev.token })).status).toBe(200);
    expect((await api("POST", `${DEV}/logging/flows`, { token: reader.token, body: { yaml } })).status).toBe(403);
    expect((await api("DELETE", `${DEV}/logging/flows/web`, { token: reader.token })).status).toBe(403);
    expect((await api("DELETE", `${DEV}/logging/outputs/loki`, { token: reader.token })).status).toBe(403);
    expect(
      (await api("PUT", `${DEV}/logging/collect-all`, { token: reader.token, body: { enabled: true } })).status,
    ).toBe(403);
    expect((await api("POST", `${DEV}/logging/validate`, { token: reader.token, body: { yaml } })).status).toBe(403);
    expect((await api("GET", `${DEV}/logging/outputs`, { token: reader.token })).status).toBe(200);
    expect((await api("GET", `${DEV}/logging/flows`, { token: outsider.token })).status).toBe(404);
    expect((await api("GET", "/api/v1/clusters/sandbox/logging/cluster-flows", { token: dev.token })).status).toBe(403);
    expect((await api("POST", `${PROD}/logging/flows`, { token: root, body: { yaml } })).status).toBe(201);
  });

  it("sysadmins manage ClusterFlows and ClusterOutputs in the control namespace", async () => {
    const out = await api<Doc>("POST", "/api/v1/clusters/sandbox/logging/cluster-outputs", {
      token: root,
      body: {
        name: "es",
        type: "elasticsearch",
        settings: { host: "es.example", port: 9200, scheme: "https", index: "logs" },
        secrets: { username: "elastic", password: SECRET },
      },
    });
    expect(out.status, JSON.stringify(out.body)).toBe(201);
    expect(JSON.stringify(out.body)).not.toContain(SECRET);
    expect(out.body.item).toMatchObject({ type: "elasticsearch", target: "https://es.example:9200" });
    const es = (await kube("GET", `${G}/namespaces/facet-logging/clusteroutputs/es`)).body.spec.elasticsearch;
    expect(es).toMatchObject({
      user: "elastic",
      index_name: "logs",
      password: { valueFrom: { secretKeyRef: { name: "es-facet-output", key: "password" } } },
    });
    const yaml = `apiVersion: logging.banzaicloud.io/v1beta1
kind: ClusterFlow
metadata: {name: all-errors}
spec:
  match:
    - select: {labels: {tier: web}}
  globalOutputRefs: [es]`;
    const res = await api<Doc>("POST", "/api/v1/clusters/sandbox/logging/cluster-flows", {
      token: root,
      body: { yaml },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.item).toMatchObject({ kind: "ClusterFlow", globalOutputRefs: ["es"] });
    expect((await kube("GET", `${G}/namespaces/facet-logging/clusterflows/all-errors`)).status).toBe(200);
    const list = await expectOk<Doc>(api("GET", "/api/v1/clusters/sandbox/logging/cluster-outputs", { token: root }));
    expect(list.items.map((i: Doc) => i.name)).toEqual(expect.arrayContaining(["es", "facet"]));
    const wrong = await api<Problem>("POST", "/api/v1/clusters/sandbox/logging/cluster-flows", {
      token: root,
      body: { yaml: yaml.replace("kind: ClusterFlow", "kind: Flow") },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors?.[0]).toMatchObject({ path: "kind", line: 2 });
    expect(
      (await api("DELETE", "/api/v1/clusters/sandbox/logging/cluster-flows/all-errors", { token: root })).status,
    ).toBe(204);
  });

  it("every write left an audit row; deletes remove the object and an output's Secret", async () => {
    const inUse = await api<Problem>("DELETE", `${DEV}/logging/outputs/loki`, { token: dev.token });
    expect(inUse.status).toBe(409);
    expect(inUse.body.detail).toMatch(/Flow '(web|web2|api-logs)' sends to the Output 'loki'/);
    expect((await api("DELETE", `${DEV}/logging/flows/web`, { token: dev.token })).status).toBe(204);
    expect((await api("DELETE", `${DEV}/logging/flows/web2`, { token: dev.token })).status).toBe(204);
    expect((await api("DELETE", `${DEV}/logging/flows/api-logs`, { token: dev.token })).status).toBe(204);
    expect((await api("DELETE", `${DEV}/logging/outputs/loki`, { token: dev.token })).status).toBe(204);
    expect((await kube("GET", `/api/v1/namespaces/${ns}/secrets/loki-facet-output`)).status).toBe(404);
    const rows = await getDb()
      .select({ action: auditLogs.action, actor: auditLogs.actor, target: auditLogs.target })
      .from(auditLogs)
      .where(and(like(auditLogs.target, `cluster/sandbox/namespace/${ns}/%`), eq(auditLogs.result, "success")));
    const actions = rows.map((r) => `${r.action} ${r.target.split("/").slice(-1)[0]}`);
    for (const a of [
      "logging.outputs.create loki",
      "logging.flows.create web",
      "logging.flows.update web",
      "logging.flows.create api-logs",
      "logging.collect-all.enable default",
      "logging.collect-all.disable default",
      "logging.flows.delete web",
      "logging.outputs.delete loki",
    ])
      expect(actions).toContain(a);
    expect(JSON.stringify(rows)).not.toContain(SECRET);
  });
});
