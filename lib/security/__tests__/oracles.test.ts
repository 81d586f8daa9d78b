import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiException } from "@kubernetes/client-node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { upstreamError } from "@/lib/clusters/upstream-error";
import { NacosHttpBackend } from "@/lib/config-center/backend/nacos-http/backend";
import type { ConfigLocation } from "@/lib/config-center/backend/types";
import { toProblem } from "@/lib/http/problem";
import { logger } from "@/lib/observability/logger";
import type { TraceDetail } from "@/lib/telemetry/schemas";
import { uniqueName } from "@/lib/testing/factories";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import {
  environmentOnOwnCluster,
  otlpLogs,
  otlpTraces,
  postOtlp,
  spanId,
  telemetryWorld,
  traceId,
  type TelemetryWorld,
} from "@/lib/testing/telemetry-world";
import { api, expectOk, sysadminToken } from "@/lib/testing/world";

// Class 8 of the security issue: what a non-Kubernetes upstream answers never reaches the
// caller (it goes to the log with the request id); a Kubernetes Status message still does;
// a trace id answers the same for "someone else's" and "unknown", and hidden spans are counted
// only within the caller's tenant.

const SECRET = `oracle-${Math.random().toString(36).slice(2)}`;

/** Upstream answers that carry the secret in different places and forms. */
const FAILURES: { name: string; status: number; type: string; body: string }[] = [
  {
    name: "an HTML error page",
    status: 500,
    type: "text/html",
    body: `<html><body><h1>Internal</h1><pre>${SECRET}</pre></body></html>`,
  },
  {
    name: "a JSON error with the text in a field",
    status: 400,
    type: "application/json",
    body: JSON.stringify({ status: "error", errorType: "bad_data", error: `parse error near ${SECRET}` }),
  },
  { name: "a refusal with credentials in the text", status: 401, type: "text/plain", body: `token ${SECRET} expired` },
  { name: "a 200 that is not JSON", status: 200, type: "text/html", body: `<!doctype html><title>${SECRET}</title>` },
  {
    name: "unicode around the text",
    status: 503,
    type: "text/plain; charset=utf-8",
    body: `秘密 ☃ ${SECRET} \u202e\u0000 fin`,
  },
  {
    name: "the text far into a long body",
    status: 418,
    type: "text/plain",
    body: `${"x".repeat(250)}${SECRET}${"y".repeat(5000)}`,
  },
  {
    name: "a nested JSON envelope",
    status: 502,
    type: "application/json",
    body: JSON.stringify({ data: null, errors: [{ code: 502, msg: { inner: [SECRET] } }] }),
  },
];

interface Upstream {
  server: Server;
  origin: string;
  /** What the next requests get. */
  answer: { status: number; type: string; body: string };
  hits: number;
}

async function fakeUpstream(): Promise<Upstream> {
  const up = { answer: FAILURES[0], hits: 0 } as Partial<Upstream> as Upstream;
  up.server = createServer((req, res) => {
    up.hits++;
    res.writeHead(up.answer.status, { "content-type": up.answer.type }).end(up.answer.body);
  });
  await new Promise<void>((resolve) => up.server.listen(0, "127.0.0.1", resolve));
  up.origin = `http://127.0.0.1:${(up.server.address() as AddressInfo).port}`;
  return up;
}

const close = (s: Server | undefined) => new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()));

/** The problem a caller got must not hold the upstream's words nor its address. */
function expectGeneric(res: { status: number; body: unknown; headers: Headers }, up: Upstream, label: string) {
  expect(res.status, label).toBe(502);
  expect(res.headers.get("content-type"), label).toContain("application/problem+json");
  expect(res.body, label).toMatchObject({ code: "UPSTREAM", status: 502 });
  const text = JSON.stringify(res.body);
  expect(text, label).not.toContain(SECRET);
  expect(text, label).not.toContain(up.origin.slice(7));
  expect(text, label).not.toMatch(/xxxxxxxxxx|秘密|<html|parse error/);
}

describe("bodies of telemetry backends never reach callers", () => {
  let up: Upstream;
  let root: string;
  let world: Awaited<ReturnType<typeof environmentOnOwnCluster>>;
  const warn = vi.spyOn(logger, "warn");

  beforeAll(async () => {
    up = await fakeUpstream();
    root = await sysadminToken();
    world = await environmentOnOwnCluster(root);
    await expectOk(
      api("PUT", `/api/v1/clusters/${world.cluster}/telemetry-backends`, {
        token: root,
        body: {
          prometheus: { url: up.origin },
          loki: { url: `${up.origin}/loki-base` },
          jaeger: { url: `${up.origin}/jaeger` },
        },
      }),
    );
  });
  afterAll(() => close(up?.server));
  afterEach(() => warn.mockClear());

  const READS: { kind: string; path: () => string }[] = [
    { kind: "prometheus", path: () => `${world.env}/metrics/names` },
    { kind: "prometheus", path: () => `${world.env}/metrics?metric=http_requests_total&agg=rate` },
    { kind: "prometheus", path: () => `${world.env}/metrics/labels?metric=http_requests_total` },
    { kind: "loki", path: () => `${world.env}/logs?q=${encodeURIComponent("päyment ' \" {")}` },
    { kind: "jaeger", path: () => `${world.env}/traces?service=shop` },
    { kind: "jaeger", path: () => `${world.env}/traces/${traceId()}` },
  ];

  for (const failure of FAILURES) {
    it(`answers a generic 502 for ${failure.name}, and logs the body with the request id`, async () => {
      up.answer = failure;
      for (const read of READS) {
        const hitsBefore = up.hits;
        warn.mockClear();
        const res = await api<{ instance: string; upstream: { name: string } }>("GET", read.path(), { token: root });
        const label = `${failure.name}: ${read.path()}`;
        expect(up.hits, label).toBeGreaterThan(hitsBefore);
        expectGeneric(res, up, label);
        expect(res.body.upstream.name, label).toBe(read.kind);
        const logged = warn.mock.calls
          .map((c) => c[0] as Record<string, unknown>)
          .find((o) => o?.request_id === res.body.instance);
        expect(logged, `${label}: logged with its request id`).toBeDefined();
        expect(String(logged!.body), label).toContain(
          failure.name === "the text far into a long body" ? "xxxx" : SECRET,
        );
        expect(res.headers.get("x-request-id")).toBe(res.body.instance);
      }
    });
  }

  it("a backend that does not answer at all is the same generic error", async () => {
    const dead = await fakeUpstream();
    await close(dead.server);
    await expectOk(
      api("PUT", `/api/v1/clusters/${world.cluster}/telemetry-backends`, {
        token: root,
        body: { prometheus: { url: dead.origin } },
      }),
    );
    const res = await api("GET", `${world.env}/metrics/names`, { token: root });
    expectGeneric(res, dead, "dead");
    expect(res.body).toMatchObject({ upstream: { name: "prometheus", retryable: true } });
    await expectOk(
      api("PUT", `/api/v1/clusters/${world.cluster}/telemetry-backends`, {
        token: root,
        body: { prometheus: { url: up.origin } },
      }),
    );
  });
});

describe("bodies of an external Nacos never reach callers", () => {
  let up: Upstream;
  let root: string;
  let cluster: string;
  const loc: ConfigLocation = {
    tenantId: 0,
    projectId: 0,
    environmentId: 0,
    clusterId: 0,
    namespace: "ns",
    group: "DEFAULT_GROUP",
  };
  const warn = vi.spyOn(logger, "warn");

  beforeAll(async () => {
    up = await fakeUpstream();
    root = await sysadminToken();
    cluster = (await environmentOnOwnCluster(root)).cluster;
  });
  afterAll(() => close(up?.server));

  for (const failure of FAILURES.filter((f) => f.status !== 401)) {
    it(`keeps ${failure.name} out of the backend's errors and out of the save check's answer`, async () => {
      up.answer = failure;
      const backend = new NacosHttpBackend({ serverAddr: up.origin });
      for (const call of [
        () => backend.list(loc, { pageNo: 1, pageSize: 10 }),
        () => backend.get(loc, "db.yaml"),
        () => backend.history(loc, "db.yaml", { pageNo: 1, pageSize: 10 }),
        () => backend.listeners(loc, "db.yaml"),
      ]) {
        const error = await call().then(
          () => null,
          (e: unknown) => e,
        );
        // A 200 that is not JSON may be read as "no such config"; when it fails, it fails generically.
        if (error === null && failure.status === 200) continue;
        const problem = toProblem(error, "req-1").problem;
        expect(problem, failure.name).toMatchObject({ code: "UPSTREAM", status: 502 });
        expect(JSON.stringify(problem) + String((error as Error).message), failure.name).not.toContain(SECRET);
      }
      if (failure.status === 200) return;
      warn.mockClear();
      const saved = await api<{ instance: string }>("PUT", `/api/v1/clusters/${cluster}/config-backend`, {
        token: root,
        body: { kind: "nacos", address: up.origin },
      });
      expectGeneric(saved, up, `save: ${failure.name}`);
      expect(
        warn.mock.calls.some(
          (c) =>
            (c[0] as Record<string, unknown>)?.request_id === saved.body.instance &&
            String((c[0] as Record<string, unknown>).body).includes(failure.body.slice(0, 40)),
        ),
      ).toBe(true);
    });
  }

  it("a login answered with something that is not JSON fails generically", async () => {
    up.answer = { status: 200, type: "text/html", body: `<html>${SECRET}</html>` };
    const backend = new NacosHttpBackend({ serverAddr: up.origin, username: "u", password: "p" });
    const error = await backend.list(loc, { pageNo: 1, pageSize: 10 }).catch((e: unknown) => e);
    expect(toProblem(error).problem).toMatchObject({ code: "UPSTREAM", status: 502 });
    expect(JSON.stringify(toProblem(error).problem)).not.toContain(SECRET);
  });
});

describe("a Kubernetes API Status still reaches the caller; anything else answering for it does not", () => {
  const status = (code: number, message: string, reason = "Invalid") => ({
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message,
    reason,
    code,
  });
  const k8s = (code: number, body: unknown) => new ApiException(code, `HTTP-Code: ${code}`, body, {});

  it("keeps the Status message of admission, conflict, not-found and other refusals, as object or JSON text", () => {
    const denied =
      'admission webhook "pod-security.kubernetes.io" denied the request: privileged (container "app" must not set securityContext.privileged=true)';
    for (const body of [status(422, denied), JSON.stringify(status(422, denied))]) {
      const e = upstreamError("prod", k8s(422, body));
      expect(e.code).toBe("VALIDATION");
      expect(toProblem(e).problem.detail).toContain(denied);
    }
    expect(
      upstreamError("prod", k8s(409, status(409, 'configmaps "x" already exists', "AlreadyExists"))),
    ).toMatchObject({ code: "CONFLICT", message: expect.stringContaining('configmaps "x" already exists') });
    expect(
      upstreamError("prod", k8s(404, JSON.stringify(status(404, 'pods "web-1" not found', "NotFound")))),
    ).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining('pods "web-1" not found') });
    expect(
      upstreamError("prod", k8s(403, status(403, 'pods is forbidden: User "facet" cannot list', "Forbidden"))),
    ).toMatchObject({ code: "UPSTREAM", message: expect.stringContaining("cannot list") });
    expect(
      upstreamError("prod", k8s(400, status(400, "dry-run failed: spec.replicas: Invalid value: -1", "BadRequest"))),
    ).toMatchObject({ code: "VALIDATION", message: expect.stringContaining("Invalid value: -1") });
  });

  it("hides bodies that are not a Kubernetes Status, whatever code they come with", () => {
    const bodies: [number, unknown][] = [
      [502, `<html><body>bad gateway ${SECRET}</body></html>`],
      [404, JSON.stringify({ error: SECRET })],
      [409, { message: SECRET }],
      [422, { kind: "Pod", message: SECRET }],
      [500, { kind: "Status", message: { nested: SECRET } }],
      [503, `${SECRET}`.repeat(40)],
      [401, Buffer.from(SECRET).toString()],
    ];
    for (const [code, body] of bodies) {
      const e = upstreamError("prod", k8s(code, body));
      const label = `${code} ${JSON.stringify(body).slice(0, 40)}`;
      expect(e.code, label).toBe("UPSTREAM");
      const { problem } = toProblem(e, "req");
      expect(JSON.stringify(problem), label).not.toContain(SECRET);
      expect(problem.upstream, label).toEqual({ name: "prod", retryable: code >= 500 });
    }
  });
});

describe("a trace id answers the same for someone else's trace and an unknown one", () => {
  let server: RouteServer;
  let w: TelemetryWorld;
  let other: TelemetryWorld;
  const now = Date.now();
  const crossing = traceId();
  const onlyB = traceId();
  const otherTenants = traceId();
  const unowned = traceId();
  const entry = spanId();

  beforeAll(async () => {
    server = await startRouteServer();
    w = await telemetryWorld("orc");
    other = await telemetryWorld("orx");
    const post = async (token: string, signal: "traces" | "logs", body: unknown) =>
      expect((await postOtlp(server.origin, signal, token, body)).body).toEqual({});
    const span = (id: string, name: string, parent?: string) => ({
      traceId: id,
      spanId: spanId(),
      parentSpanId: parent,
      name,
      startMs: now - 1000,
      durationMs: 5,
    });
    // One trace crossing env-a (readable), env-b (same tenant), another tenant and a namespace no environment owns.
    await post(
      w.tokens.a,
      "traces",
      otlpTraces({ "service.name": "front" }, [{ ...span(crossing, "GET /pay"), spanId: entry }]),
    );
    await post(
      w.tokens.b,
      "traces",
      otlpTraces({ "service.name": "vault" }, [
        span(crossing, "charge", entry),
        span(crossing, "SELECT", entry),
        span(onlyB, "GET /keys"),
      ]),
    );
    await post(
      other.tokens.a,
      "traces",
      otlpTraces({ "service.name": "bank" }, [
        span(crossing, "transfer", entry),
        span(crossing, "ledger", entry),
        span(crossing, "audit", entry),
        span(otherTenants, "GET /other"),
      ]),
    );
    await post(
      w.tokens.cluster,
      "traces",
      otlpTraces({ "service.name": "mesh", "k8s.namespace.name": `nobody-${uniqueName("ns").slice(-6)}` }, [
        span(crossing, "proxy", entry),
        span(unowned, "proxy"),
      ]),
    );
    await post(
      w.tokens.b,
      "logs",
      otlpLogs({ "service.name": "vault" }, [{ timeMs: now - 990, body: "vault line", traceId: crossing }]),
    );
    await post(
      other.tokens.a,
      "logs",
      otlpLogs({ "service.name": "bank" }, [
        { timeMs: now - 990, body: "bank line 1", traceId: crossing },
        { timeMs: now - 989, body: "bank line 2", traceId: crossing },
      ]),
    );
  });
  afterAll(async () => server?.close());

  const shape = (res: { status: number; body: unknown; headers: Headers }) => {
    const { instance, ...rest } = res.body as Record<string, unknown>;
    return { status: res.status, type: res.headers.get("content-type"), instance: typeof instance, body: rest };
  };

  it("answers 404 with one body for another environment's, another tenant's, an unowned and an unknown trace", async () => {
    for (const [who, token] of [
      ["tenant member", w.reader.token],
      ["outsider", w.outsider.token],
      ["other tenant's reader", other.reader.token],
    ] as const) {
      const unknown = shape(await api("GET", `/api/v1/traces/${traceId()}`, { token }));
      expect(unknown.status).toBe(404);
      const ids = { onlyB, unowned, ...(who === "other tenant's reader" ? {} : { otherTenants }) };
      for (const [name, id] of Object.entries(ids)) {
        expect(shape(await api("GET", `/api/v1/traces/${id}`, { token })), `${who}: ${name}`).toEqual(unknown);
        expect(shape(await api("GET", `/api/v1/traces/${id}/logs`, { token })), `${who}: ${name} logs`).toEqual(
          shape(await api("GET", `/api/v1/traces/${traceId()}/logs`, { token })),
        );
        // Upper-case hex and the environment's own trace route say the same.
        expect(shape(await api("GET", `/api/v1/traces/${id.toUpperCase()}`, { token })).status).toBe(404);
      }
    }
    for (const id of [onlyB, otherTenants, unowned, traceId()]) {
      expect(shape(await api("GET", `${w.env("a")}/traces/${id}`, { token: w.reader.token })), id).toEqual(
        shape(await api("GET", `${w.env("a")}/traces/${traceId()}`, { token: w.reader.token })),
      );
    }
  });

  it("counts hidden spans and logs only within the caller's tenant", async () => {
    const detail = await expectOk<TraceDetail>(api("GET", `/api/v1/traces/${crossing}`, { token: w.reader.token }));
    expect(detail.spans.map((s) => s.name)).toEqual(["GET /pay"]);
    // env-b's two spans; not the other tenant's three, not the unowned namespace's one.
    expect(detail.hiddenSpans).toBe(2);
    const text = JSON.stringify(detail);
    for (const word of ["bank", "transfer", "mesh", "proxy", "vault"]) expect(text).not.toContain(word);
    const logs = await expectOk<{ logs: unknown[]; hiddenLogs: number }>(
      api("GET", `/api/v1/traces/${crossing}/logs`, { token: w.reader.token }),
    );
    expect(logs).toMatchObject({ logs: [], hiddenLogs: 1 });
    // The other tenant's reader sees its own span and counts nothing of the first tenant's.
    const theirs = await expectOk<TraceDetail>(api("GET", `/api/v1/traces/${crossing}`, { token: other.reader.token }));
    expect(theirs.spans.map((s) => s.name).sort()).toEqual(["audit", "ledger", "transfer"]);
    expect(theirs.hiddenSpans).toBe(0);
    expect(
      (
        await expectOk<{ hiddenLogs: number }>(
          api("GET", `/api/v1/traces/${crossing}/logs`, { token: other.reader.token }),
        )
      ).hiddenLogs,
    ).toBe(0);
    // A sysadmin reads all of it.
    const all = await expectOk<TraceDetail>(api("GET", `/api/v1/traces/${crossing}`, { token: w.root }));
    expect([all.spans.length, all.hiddenSpans]).toEqual([7, 0]);
  });
});

describe("a trace from an external Jaeger counts hidden spans only within the caller's tenant", () => {
  let jaeger: Server;
  let root: string;
  let world: Awaited<ReturnType<typeof environmentOnOwnCluster>>;
  const TRACE = "5bf92f3577b34da6a3ce929d0e0e4737";
  const namespaces = { mine: "", sibling: "", otherTenant: "", unowned: `nobody-${uniqueName("n").slice(-6)}` };

  beforeAll(async () => {
    root = await sysadminToken();
    world = await environmentOnOwnCluster(root);
    const tenant = world.env.split("/")[4];
    namespaces.mine = world.namespace;
    const quota = { cpu: "100m", memory: "128Mi", storage: "1Gi", pods: "1" };
    await expectOk(
      api("PUT", `/api/v1/tenants/${tenant}/quotas/${world.cluster}`, {
        token: root,
        body: { cpu: "4", memory: "4Gi", storage: "20Gi", pods: "20" },
      }),
    );
    namespaces.sibling = (
      await expectOk<{ namespace: string }>(
        api("POST", `/api/v1/tenants/${tenant}/projects/shop/environments`, {
          token: root,
          body: { name: "stage", type: "test", cluster: world.cluster, quota },
        }),
        201,
      )
    ).namespace;
    const stranger = uniqueName("strg");
    await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: stranger } }), 201);
    await expectOk(
      api("PUT", `/api/v1/tenants/${stranger}/quotas/${world.cluster}`, {
        token: root,
        body: { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "2" },
      }),
    );
    await expectOk(api("POST", `/api/v1/tenants/${stranger}/projects`, { token: root, body: { name: "bank" } }), 201);
    namespaces.otherTenant = (
      await expectOk<{ namespace: string }>(
        api("POST", `/api/v1/tenants/${stranger}/projects/bank/environments`, {
          token: root,
          body: { name: "prod", type: "prod", cluster: world.cluster, quota },
        }),
        201,
      )
    ).namespace;
    const process = (ns: string) => ({
      serviceName: `svc-${ns}`,
      tags: [{ key: "k8s.namespace.name", type: "string", value: ns }],
    });
    const span = (id: string, pid: string) => ({
      traceID: TRACE,
      spanID: id,
      operationName: `op-${pid}`,
      references: [],
      startTime: 1718000000000000,
      duration: 1000,
      tags: [],
      logs: [],
      processID: pid,
    });
    const body = {
      data: [
        {
          traceID: TRACE,
          spans: [
            span("00f067aa0ba90201", "mine"),
            span("00f067aa0ba90202", "sibling"),
            span("00f067aa0ba90203", "sibling"),
            span("00f067aa0ba90204", "other"),
            span("00f067aa0ba90205", "other"),
            span("00f067aa0ba90206", "other"),
            span("00f067aa0ba90207", "unowned"),
          ],
          processes: {
            mine: process(namespaces.mine),
            sibling: process(namespaces.sibling),
            other: process(namespaces.otherTenant),
            unowned: process(namespaces.unowned),
          },
        },
      ],
    };
    jaeger = createServer((_, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body)),
    );
    await new Promise<void>((resolve) => jaeger.listen(0, "127.0.0.1", resolve));
    await expectOk(
      api("PUT", `/api/v1/clusters/${world.cluster}/telemetry-backends`, {
        token: root,
        body: { jaeger: { url: `http://127.0.0.1:${(jaeger.address() as AddressInfo).port}` } },
      }),
    );
  });
  afterAll(() => close(jaeger));

  it("counts the sibling environment's spans, not another tenant's nor an unowned namespace's", async () => {
    const detail = await expectOk<TraceDetail>(api("GET", `${world.env}/traces/${TRACE}`, { token: root }));
    expect(detail.spans.map((s) => s.name)).toEqual(["op-mine"]);
    expect(detail.hiddenSpans).toBe(2);
    expect(JSON.stringify(detail)).not.toContain(namespaces.otherTenant);
  });
});
