import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@/lib/testing/sandbox-harness";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { telemetryWorld, type TelemetryWorld } from "@/lib/testing/telemetry-world";
import { api, expectOk } from "@/lib/testing/world";
import type {
  ApmResult,
  LogSearchResult,
  MetricNamesResult,
  TraceDetail,
  TraceSearchResult,
} from "@/lib/telemetry/schemas";

// `npm run demo:traffic` for a few seconds against Facet's handlers on loopback: both services
// show up in traces (api → agent, one trace), with the caller's user.id, logs and metrics.
describe("demo traffic", () => {
  let server: RouteServer;
  let w: TelemetryWorld;

  beforeAll(async () => {
    server = await startRouteServer();
    w = await telemetryWorld("demo");
  });
  afterAll(async () => server?.close());

  it("exports linked traces, logs and metrics of an api calling an agent", async () => {
    const run = spawn(
      "npx",
      [
        "tsx",
        "scripts/demo-traffic/run.ts",
        "--url",
        server.origin,
        "--token",
        w.tokens.a,
        "--seconds",
        "4",
        "--rps",
        "10",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    run.stdout.on("data", (c: Buffer) => (output += c.toString()));
    run.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => run.on("exit", resolve));
    expect(code, output).toBe(0);
    expect(output).toMatch(/sent \d+ requests/);

    const env = w.env("a");
    const traces = await eventually(
      async () => {
        const r = await expectOk<TraceSearchResult>(
          api("GET", `${env}/traces?service=api&limit=100`, { token: w.root }),
        );
        return r.traces.length >= 10 ? r : null;
      },
      15_000,
      "the demo's traces",
    );
    expect(traces.traces.every((t) => t.services.join() === "agent,api" && t.rootName === "GET /chat")).toBe(true);
    const detail = await expectOk<TraceDetail>(
      api("GET", `/api/v1/traces/${traces.traces[0].traceId}`, { token: w.root }),
    );
    const agentSpan = detail.spans.find((s) => s.service === "agent")!;
    expect(agentSpan.attributes["user.id"]).toMatch(/^u-100\d$/);
    expect(agentSpan).toMatchObject({ kind: "server", pod: "agent-demo-0" });
    const byUser = await expectOk<TraceSearchResult>(
      api("GET", `${env}/traces?attr.user.id=${agentSpan.attributes["user.id"]}&limit=100`, { token: w.root }),
    );
    expect(byUser.traces.length).toBeGreaterThan(0);
    const logs = await expectOk<LogSearchResult>(
      api("GET", `${env}/logs?traceId=${detail.traceId}`, { token: w.root }),
    );
    // Both services log in the trace (api logs once more when the agent fails, at random).
    expect([...new Set(logs.logs.map((l) => l.service))].sort()).toEqual(["agent", "api"]);
    const names = await expectOk<MetricNamesResult>(api("GET", `${env}/metrics/names`, { token: w.root }));
    expect(names.metrics.map((m) => m.name)).toEqual(
      expect.arrayContaining(["demo_request_duration_ms", "demo_requests_total"]),
    );
    const apm = await expectOk<ApmResult>(api("GET", `${env}/apm/services`, { token: w.root }));
    expect(apm.rows.map((r) => r.service)).toEqual(["agent", "api"]);
  }, 60_000);
});
