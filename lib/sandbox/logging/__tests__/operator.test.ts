import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { RowDataPacket } from "mysql2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { stopLoggingOperator } from "@/lib/sandbox/logging/operator";
import { eventually, kubectl, startSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { telemetryWorld, type TelemetryWorld } from "@/lib/testing/telemetry-world";
import { api, expectOk } from "@/lib/testing/world";
import type { LogSearchResult, MetricQueryResult } from "@/lib/telemetry/schemas";

// The Logging Operator's job in the sandbox, end to end: Flows select pods, filters change what
// lands, the Facet output lands lines in the environment's log search, HTTP and Loki outputs
// really POST, status and the per-flow line counter are written, deleting a Flow stops it.

let sandbox: Sandbox;
let w: TelemetryWorld;
let hook: Server;
let hookOrigin: string;
const received: { path: string; headers: Record<string, string | string[] | undefined>; body: string }[] = [];

const ok = async (args: string[], input?: string) => {
  const run = await kubectl(sandbox, args, input);
  expect(run.code, `kubectl ${args.join(" ")}\n${run.stderr}`).toBe(0);
  return run.stdout;
};

const pod = (ns: string, name: string, app: string, rate: number, image = "nginx:1.27") => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${ns}
  labels: {app: ${app}}
  annotations: {facet.dev/log-lines-per-second: "${rate}"}
spec:
  containers:
  - name: main
    image: ${image}
    resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {cpu: 100m, memory: 64Mi}}
`;

const secret = (ns: string, name: string, data: Record<string, string>) => `apiVersion: v1
kind: Secret
metadata: {name: ${name}, namespace: ${ns}}
stringData: ${JSON.stringify(data)}
`;

// Marked by annotation (as the API writes it), or recognised by its URL being this Facet's push URL.
const facetOutput = (ns: string, by: "annotation" | "url") => `apiVersion: logging.banzaicloud.io/v1beta1
kind: Output
metadata:
  name: facet
  namespace: ${ns}
${by === "annotation" ? "  annotations: {facet.dev/output-type: facet}" : ""}
spec:
  loki:
    url: ${by === "annotation" ? "http://facet.example/loki/api/v1/push" : `${sandbox.server.origin}/loki/api/v1/push`}
    username: {valueFrom: {secretKeyRef: {name: facet-token, key: username}}}
    password: {valueFrom: {secretKeyRef: {name: facet-token, key: token}}}
`;

const flow = (ns: string, name: string, spec: object) =>
  JSON.stringify({
    apiVersion: "logging.banzaicloud.io/v1beta1",
    kind: "Flow",
    metadata: { name, namespace: ns },
    spec,
  });

const logsOf = async (env: "a" | "b", podName: string) =>
  (
    await expectOk<LogSearchResult>(
      api("GET", `${w.env(env)}/logs?pod=${podName}&limit=1000&start=${Date.now() - 600_000}`, { token: w.root }),
    )
  ).logs;

async function running(ns: string, name: string) {
  await eventually(
    async () =>
      (await kubectl(sandbox, ["get", "pod", name, "-n", ns, "-o", "jsonpath={.status.phase}"])).stdout === "Running",
    15_000,
    `pod ${name} running`,
  );
}

const statusOf = async (kind: string, ns: string, name: string) =>
  JSON.parse((await ok(["get", kind, name, "-n", ns, "-o", "jsonpath={.status}"])) || "{}") as {
    active?: boolean;
    problems?: string[];
    problemsCount?: number;
  };

beforeAll(async () => {
  process.env.SANDBOX_LOGGING_TICK_MS = "300";
  sandbox = await startSandbox();
  // Environments create their namespaces on the sandbox through its API.
  process.env.FACET_INTERNAL_URL = sandbox.server.origin;
  w = await telemetryWorld("lgop");
  hook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.writeHead(req.url?.startsWith("/loki") ? 204 : 200).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
  hookOrigin = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
  const a = w.namespace("a");
  const b = w.namespace("b");
  for (const ns of [a, b]) {
    const exists = await kubectl(sandbox, ["get", "namespace", ns]);
    if (exists.code !== 0) await ok(["create", "namespace", ns]);
  }
  await ok(["apply", "-f", "-"], pod(a, "app-a", "a", 50));
  await ok(["apply", "-f", "-"], pod(a, "app-b", "b", 50));
  await ok(["apply", "-f", "-"], pod(b, "app-c", "c", 100));
  await ok(["apply", "-f", "-"], secret(a, "facet-token", { username: "facet", token: w.tokens.a }));
  await ok(["apply", "-f", "-"], secret(b, "facet-token", { username: "facet", token: w.tokens.b }));
  await ok(["apply", "-f", "-"], facetOutput(a, "annotation"));
  await ok(["apply", "-f", "-"], facetOutput(b, "url"));
  for (const [ns, name] of [
    [a, "app-a"],
    [a, "app-b"],
    [b, "app-c"],
  ])
    await running(ns, name);
}, 90_000);

afterAll(async () => {
  stopLoggingOperator();
  hook?.closeAllConnections();
  await new Promise<void>((resolve) => (hook ? hook.close(() => resolve()) : resolve()));
  await sandbox?.close();
});

describe("the sandbox's Logging Operator", () => {
  it("lands the selected app's lines (grep exclude applied) in the log search, not the others', and counts them", async () => {
    const ns = w.namespace("a");
    await ok(
      ["apply", "-f", "-"],
      flow(ns, "collect-a", {
        match: [{ exclude: { labels: { app: "b" } } }, { select: { labels: { app: "a" } } }],
        filters: [{ grep: { exclude: [{ key: "message", pattern: "/healthz/" }] } }],
        localOutputRefs: ["facet"],
      }),
    );
    const landed = await eventually(
      async () => {
        const logs = await logsOf("a", "app-a");
        return logs.length >= 100 ? logs : null;
      },
      10_000,
      "app-a's lines in the log search",
    );
    expect(landed[0]).toMatchObject({ service: "a", pod: "app-a", namespace: ns });
    expect(landed[0].attributes).toMatchObject({ stream: "stdout" });
    // The resource carries pod, container and the pod's labels.
    const [resources] = await getPool().query<RowDataPacket[]>(
      "SELECT attributes FROM telemetry_resources WHERE service = 'a' AND attributes LIKE ?",
      [`%"k8s.pod.name":"app-a"%`],
    );
    expect(JSON.parse(String(resources[0].attributes))).toMatchObject({
      "k8s.namespace.name": ns,
      "k8s.container.name": "main",
      "k8s.pod.label.app": "a",
      "service.name": "a",
    });
    // The pod's own log has health checks in that window; the grep exclude kept them out.
    const raw = await ok(["logs", "app-a", "-n", ns, "--since=30s"]);
    expect(raw).toContain("/healthz");
    expect(landed.filter((l) => l.body.includes("/healthz"))).toEqual([]);
    expect(landed.some((l) => / 5\d\d \d+ "/.test(l.body))).toBe(true);
    expect(landed.some((l) => l.severity.toLowerCase().startsWith("err"))).toBe(true);
    expect(await logsOf("a", "app-b")).toEqual([]);

    const status = await statusOf("flow", ns, "collect-a");
    expect(status).toEqual({ active: true, problems: [], problemsCount: 0 });
    expect(await statusOf("output", ns, "facet")).toEqual({ active: true, problems: [], problemsCount: 0 });
    const table = await ok(["get", "flows", "-n", ns]);
    expect(table).toMatch(/collect-a\s+true\s+0/);

    const counted = async () => {
      const result = await expectOk<MetricQueryResult>(
        api(
          "GET",
          `${w.env("a")}/metrics?metric=facet_logging_flow_lines_total&match.flow=collect-a&agg=max&start=${Date.now() - 600_000}`,
          { token: w.root },
        ),
      );
      const points = result.series.flatMap((s) => s.points).filter(([, v]) => v !== null);
      expect(result.series[0]?.labels).toMatchObject({ flow: "collect-a", kind: "Flow", namespace: ns });
      return Math.max(0, ...points.map(([, v]) => v!));
    };
    const first = await eventually(async () => ((await counted()) > 0 ? counted() : null), 10_000, "counter");
    await eventually(async () => (await counted()) > first, 10_000, "counter moving");
  });

  it("throttles per pod: only group_bucket_limit lines per period land", async () => {
    const ns = w.namespace("b");
    await ok(
      ["apply", "-f", "-"],
      flow(ns, "throttled", {
        match: [{ select: { labels: { app: "c" } } }],
        filters: [
          { throttle: { group_key: "kubernetes.pod_name", group_bucket_limit: 20, group_bucket_period_s: 600 } },
        ],
        localOutputRefs: ["facet"],
      }),
    );
    await eventually(async () => (await logsOf("b", "app-c")).length === 20, 10_000, "20 lines");
    // app-c writes 100 lines a second; a few more ticks change nothing.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await logsOf("b", "app-c")).toHaveLength(20);
  });

  it("POSTs to HTTP and Loki outputs (auth from Secrets), joins stack traces, and stops when the Flow is deleted", async () => {
    const ns = w.namespace("a");
    await ok(["apply", "-f", "-"], secret(ns, "loki-auth", { user: "fluent", password: "s3cret" }));
    const outputs = [
      { metadata: { name: "hook" }, spec: { http: { endpoint: `${hookOrigin}/hook`, json_array: true } } },
      {
        metadata: { name: "loki-ext" },
        spec: {
          loki: {
            url: hookOrigin,
            username: { valueFrom: { secretKeyRef: { name: "loki-auth", key: "user" } } },
            password: { valueFrom: { secretKeyRef: { name: "loki-auth", key: "password" } } },
            tenant: "team-a",
            line_format: "json",
            remove_keys: ["kubernetes"],
          },
        },
      },
      { metadata: { name: "es" }, spec: { elasticsearch: { host: "es.example", port: 9200 } } },
    ];
    for (const o of outputs)
      await ok(
        ["apply", "-f", "-"],
        JSON.stringify({
          apiVersion: "logging.banzaicloud.io/v1beta1",
          kind: "Output",
          ...o,
          metadata: { ...o.metadata, namespace: ns },
        }),
      );
    await ok(
      ["apply", "-f", "-"],
      flow(ns, "ship-out", {
        match: [{ select: { labels: { app: "a" } } }],
        filters: [{ detectExceptions: {} }],
        localOutputRefs: ["hook", "loki-ext", "es", "nowhere"],
      }),
    );
    const http = await eventually(
      async () => {
        const posts = received.filter((r) => r.path === "/hook");
        const records = posts.flatMap((p) => JSON.parse(p.body) as { message: string }[]);
        return records.some((r) => r.message.includes("\n")) ? { posts, records } : null;
      },
      10_000,
      "a joined stack trace POSTed to the HTTP output",
    );
    expect(http.posts[0].headers["content-type"]).toBe("application/json");
    expect(http.records.every((r) => !/^(\tat |\s+at )/.test(r.message))).toBe(true);
    const trace = http.records.find((r) => r.message.includes("\n"))!;
    expect(trace.message.split("\n").length).toBeGreaterThanOrEqual(4);

    // The Loki output is sent to after the HTTP one, in the same pass.
    const loki = await eventually(
      async () => {
        const pushes = received.filter((r) => r.path === "/loki/api/v1/push");
        return pushes.length ? pushes : null;
      },
      5_000,
      "a Loki push",
    );
    expect(loki[0].headers.authorization).toBe(`Basic ${Buffer.from("fluent:s3cret").toString("base64")}`);
    expect(loki[0].headers["x-scope-orgid"]).toBe("team-a");
    const push = JSON.parse(loki[0].body) as {
      streams: { stream: Record<string, string>; values: [string, string][] }[];
    };
    expect(push.streams[0].stream).toMatchObject({ namespace: ns, pod: "app-a", container: "main", app: "a" });
    expect(push.streams[0].values[0][0]).toMatch(/^\d{19}$/);
    expect(Object.keys(JSON.parse(push.streams[0].values[0][1]) as object)).not.toContain("kubernetes");

    const status = await statusOf("flow", ns, "ship-out");
    expect(status.active).toBe(true);
    expect(status.problems).toEqual(
      expect.arrayContaining([
        'dependent Output "nowhere" is missing in namespace "' + ns + '"',
        'Output "es": output type elasticsearch is not simulated by the sandbox',
      ]),
    );
    expect(status.problemsCount).toBe(2);
    expect(await statusOf("output", ns, "es")).toEqual({
      active: false,
      problems: ["output type elasticsearch is not simulated by the sandbox"],
      problemsCount: 1,
    });
    expect(JSON.stringify(await statusOf("output", ns, "loki-ext"))).not.toContain("s3cret");

    await ok(["delete", "flow", "ship-out", "collect-a", "-n", ns]);
    await new Promise((r) => setTimeout(r, 1_000));
    const posts = received.length;
    const lines = (await logsOf("a", "app-a")).length;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(received.length).toBe(posts);
    expect((await logsOf("a", "app-a")).length).toBe(lines);
  });

  it("runs a ClusterFlow from the control namespace over the namespaces it selects, to a ClusterOutput", async () => {
    const b = w.namespace("b");
    await ok(
      ["apply", "-f", "-"],
      JSON.stringify({
        apiVersion: "logging.banzaicloud.io/v1beta1",
        kind: "ClusterOutput",
        metadata: { name: "cluster-hook", namespace: "facet-logging" },
        spec: { http: { endpoint: `${hookOrigin}/cluster` } },
      }),
    );
    await ok(
      ["apply", "-f", "-"],
      JSON.stringify({
        apiVersion: "logging.banzaicloud.io/v1beta1",
        kind: "ClusterFlow",
        metadata: { name: "only-b", namespace: "facet-logging" },
        spec: { match: [{ select: { namespaces: [b] } }], globalOutputRefs: ["cluster-hook"] },
      }),
    );
    const records = await eventually(
      async () => {
        const lines = received
          .filter((r) => r.path === "/cluster")
          .flatMap((r) => r.body.trim().split("\n"))
          .map((l) => JSON.parse(l) as { kubernetes: { namespace_name: string; pod_name: string } });
        return lines.length > 10 ? lines : null;
      },
      10_000,
      "the ClusterFlow's lines",
    );
    expect(new Set(records.map((r) => `${r.kubernetes.namespace_name}/${r.kubernetes.pod_name}`))).toEqual(
      new Set([`${b}/app-c`]),
    );
    expect(await statusOf("clusterflow", "facet-logging", "only-b")).toEqual({
      active: true,
      problems: [],
      problemsCount: 0,
    });
    await ok(["delete", "clusterflow", "only-b", "-n", "facet-logging"]);
  });
});
