import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { environmentOnOwnCluster } from "@/lib/testing/telemetry-world";
import { api, expectOk, sysadminToken } from "@/lib/testing/world";
import type { LogSearchResult, TraceDetail, TraceSearchResult } from "../schemas";

// Loki and Jaeger are not packaged by Debian: these tests serve recorded responses of the
// documented shapes (Loki /loki/api/v1/query_range streams; Jaeger /api/traces envelope) from
// a local HTTP server, and check both what Facet asks and how it maps the answers.

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

describe("the Loki and Jaeger backends (recorded responses)", () => {
  let server: Server;
  let root: string;
  let world: Awaited<ReturnType<typeof environmentOnOwnCluster>>;
  const seen: URL[] = [];
  const headers: Record<string, string | undefined>[] = [];

  const lokiStreams = (ns: string) => ({
    status: "success",
    data: {
      resultType: "streams",
      result: [
        {
          stream: { namespace: ns, service_name: "shop", pod: "shop-1" },
          values: [
            ["1718000000500000000", JSON.stringify({ level: "error", msg: "payment failed", trace_id: TRACE })],
            ["1718000000000000000", "GET / 200"],
          ],
        },
      ],
      stats: {},
    },
  });

  const jaegerTrace = (ns: string) => ({
    traceID: TRACE,
    spans: [
      {
        traceID: TRACE,
        spanID: "00f067aa0ba902b7",
        operationName: "GET /cart",
        references: [],
        startTime: 1718000000000000,
        duration: 120000,
        tags: [
          { key: "span.kind", type: "string", value: "server" },
          { key: "error", type: "bool", value: true },
        ],
        logs: [],
        processID: "p1",
      },
      {
        traceID: TRACE,
        spanID: "00f067aa0ba902b8",
        operationName: "charge",
        references: [{ refType: "CHILD_OF", traceID: TRACE, spanID: "00f067aa0ba902b7" }],
        startTime: 1718000000010000,
        duration: 50000,
        tags: [],
        logs: [],
        processID: "p2",
      },
    ],
    processes: {
      p1: {
        serviceName: "shop",
        tags: [
          { key: "k8s.namespace.name", type: "string", value: ns },
          { key: "k8s.pod.name", type: "string", value: "shop-1" },
        ],
      },
      p2: { serviceName: "vault", tags: [{ key: "k8s.namespace.name", type: "string", value: "someone-else" }] },
    },
    warnings: null,
  });

  beforeAll(async () => {
    root = await sysadminToken();
    world = await environmentOnOwnCluster(root);
    server = createServer((req, res) => {
      const url = new URL(req.url!, "http://x");
      seen.push(url);
      headers.push({ org: req.headers["x-scope-orgid"] as string | undefined, auth: req.headers.authorization });
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      if (url.pathname === "/loki/api/v1/query_range") return json(200, lokiStreams(world.namespace));
      if (url.pathname === "/jaeger/api/traces")
        return json(200, { data: [jaegerTrace(world.namespace)], total: 0, limit: 0, offset: 0, errors: null });
      if (url.pathname === `/jaeger/api/traces/${TRACE}`)
        return json(200, { data: [jaegerTrace(world.namespace)], total: 0, limit: 0, offset: 0, errors: null });
      json(404, { data: null, errors: [{ code: 404, msg: "trace not found" }] });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await expectOk(
      api("PUT", `/api/v1/clusters/${world.cluster}/telemetry-backends`, {
        token: root,
        body: {
          loki: { url: base, orgId: "team-a", username: "u", secret: "s3cret" },
          jaeger: { url: `${base}/jaeger` },
        },
      }),
    );
  });
  afterAll(async () => new Promise<void>((resolve) => server?.close(() => resolve())));

  it("keeps backend settings per cluster, secrets sealed and never shown", async () => {
    const res = await expectOk<{ backends: { kind: string; hasSecret: boolean }[] }>(
      api("GET", `/api/v1/clusters/${world.cluster}/telemetry-backends`, { token: root }),
    );
    expect(res.backends.map((b) => [b.kind, b.hasSecret]).sort()).toEqual([
      ["jaeger", false],
      ["loki", true],
    ]);
    expect(JSON.stringify(res)).not.toContain("s3cret");
  });

  it("keeps a stored secret when a change leaves it out, and removes it when it is empty", async () => {
    const path = `/api/v1/clusters/${world.cluster}/telemetry-backends`;
    type Dto = { backends: { kind: string; url: string; hasSecret: boolean }[] };
    const secrets = (dto: Dto) => Object.fromEntries(dto.backends.map((b) => [b.kind, b.hasSecret]));
    const { backends } = await expectOk<Dto>(api("GET", path, { token: root }));
    const [loki, jaeger] = ["loki", "jaeger"].map((k) => backends.find((b) => b.kind === k)!.url);
    expect(
      secrets(
        await expectOk<Dto>(
          api("PUT", path, { token: root, body: { loki: { url: loki, orgId: "team-a", username: "u" } } }),
        ),
      ),
    ).toEqual({ loki: true, jaeger: false });
    expect(
      secrets(
        await expectOk<Dto>(api("PUT", path, { token: root, body: { jaeger: { url: jaeger, secret: "t0ken" } } })),
      ),
    ).toEqual({ loki: true, jaeger: true });
    expect(
      secrets(await expectOk<Dto>(api("PUT", path, { token: root, body: { jaeger: { url: jaeger, secret: "" } } }))),
    ).toEqual({ loki: true, jaeger: false });
  });

  it("searches logs in Loki with the environment's namespace in the selector", async () => {
    const res = await expectOk<LogSearchResult>(
      api("GET", `${world.env}/logs?q=payment&service=shop&start=1717999990000&end=1718000010000&limit=10`, {
        token: root,
      }),
    );
    const asked = seen.filter((u) => u.pathname === "/loki/api/v1/query_range").at(-1)!;
    expect(asked.searchParams.get("query")).toBe(`{namespace="${world.namespace}", service_name="shop"} |= "payment"`);
    expect(asked.searchParams.get("start")).toBe("1717999990000000000");
    expect(asked.searchParams.get("direction")).toBe("backward");
    expect(headers.at(-1)).toEqual({ org: "team-a", auth: `Basic ${Buffer.from("u:s3cret").toString("base64")}` });
    expect(res.backend).toBe("loki");
    expect(res.logs.map((l) => [l.timeMs, l.severity, l.traceId, l.service, l.pod])).toEqual([
      [1718000000500, "error", TRACE, "shop", "shop-1"],
      [1718000000000, "unspecified", null, "shop", "shop-1"],
    ]);
    // The log line's trace link stays with the environment, so the cluster's Jaeger answers it.
    expect(res.logs[0].related.trace).toBe(`${world.env}/traces/${TRACE}`);
    expect(await expectOk<TraceDetail>(api("GET", res.logs[0].related.trace!, { token: root }))).toMatchObject({
      backend: "jaeger",
      traceId: TRACE,
    });
  });

  it("searches traces in Jaeger and keeps only the environment's spans", async () => {
    const res = await expectOk<TraceSearchResult>(
      api(
        "GET",
        `${world.env}/traces?service=shop&attr.http.route=/cart&minDuration=100ms&start=1717999990000&end=1718000010000`,
        { token: root },
      ),
    );
    const asked = seen.filter((u) => u.pathname === "/jaeger/api/traces").at(-1)!;
    expect(JSON.parse(asked.searchParams.get("tags")!)).toEqual({
      "k8s.namespace.name": world.namespace,
      "http.route": "/cart",
    });
    expect([
      asked.searchParams.get("start"),
      asked.searchParams.get("end"),
      asked.searchParams.get("minDuration"),
    ]).toEqual(["1717999990000000", "1718000010000000", "100ms"]);
    expect(res).toEqual({
      backend: "jaeger",
      traces: [
        {
          traceId: TRACE,
          rootService: "shop",
          rootName: "GET /cart",
          startMs: 1718000000000,
          durationMs: 120,
          spanCount: 1,
          errorCount: 1,
          services: ["shop"],
        },
      ],
    });
    expect((await api("GET", `${world.env}/traces`, { token: root })).status).toBe(422);
  });

  it("reads a trace from Jaeger with the other namespaces' spans hidden", async () => {
    const res = await expectOk<TraceDetail>(api("GET", `${world.env}/traces/${TRACE}`, { token: root }));
    // The other span's namespace is no environment of this tenant: it is not even counted.
    expect(res).toMatchObject({ backend: "jaeger", hiddenSpans: 0, services: ["shop"] });
    expect(JSON.stringify(res)).not.toContain("vault");
    expect(res.spans[0]).toMatchObject({
      spanId: "00f067aa0ba902b7",
      kind: "server",
      status: { code: "error" },
      pod: "shop-1",
      namespace: world.namespace,
    });
    expect((await api("GET", `${world.env}/traces/${"0".repeat(31)}1`, { token: root })).status).toBe(404);
    // …and its logs link is the environment's log search, which Loki serves.
    const logs = await expectOk<LogSearchResult>(api("GET", res.related.logs, { token: root }));
    expect(logs.backend).toBe("loki");
    expect(
      seen
        .filter((u) => u.pathname === "/loki/api/v1/query_range")
        .at(-1)!
        .searchParams.get("query"),
    ).toContain(TRACE);
  });
});
