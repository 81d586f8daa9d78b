import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import {
  otlpGauge,
  otlpLogs,
  otlpTraces,
  postOtlp,
  spanId,
  telemetryWorld,
  traceId,
  type TestSpan,
  type TelemetryWorld,
} from "@/lib/testing/telemetry-world";
import { api, expectOk } from "@/lib/testing/world";
import type { ApmResult, LogSearchResult, MetricQueryResult, TraceDetail, TraceSearchResult } from "../schemas";

// A known data set over ten whole minutes:
//   shop  GET /a  100 calls lasting 1..100 ms, 10 of them errors
//   shop  GET /b   50 calls lasting 200 ms
//   pay   POST /x  20 calls lasting 5 ms, all errors
// Every call also has a client child span, which APM must not count.

const T0 = Math.floor((Date.now() - 3600_000) / 60_000) * 60_000;
const MIN = 60_000;

function dataSet(): { shop: TestSpan[]; pay: TestSpan[] } {
  const call = (name: string, i: number, durationMs: number, error: boolean, minute: number): TestSpan[] => {
    const id = traceId();
    const root = spanId();
    const startMs = T0 + minute * MIN + i * 100;
    return [
      { traceId: id, spanId: root, name, startMs, durationMs, error },
      {
        traceId: id,
        spanId: spanId(),
        parentSpanId: root,
        name: "SELECT",
        kind: 3,
        startMs: startMs + 0.1,
        durationMs: durationMs / 2,
      },
    ];
  };
  const shop = [
    ...Array.from({ length: 100 }, (_, i) => call("GET /a", i, i + 1, i % 10 === 0, Math.floor(i / 20))),
    ...Array.from({ length: 50 }, (_, i) => call("GET /b", i, 200, false, 5 + Math.floor(i / 10))),
  ].flat();
  const pay = Array.from({ length: 20 }, (_, i) => call("POST /x", i, 5, true, 9)).flat();
  return { shop, pay };
}

const near = (actual: number | null, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected) / expected, `${actual} vs ${expected}`).toBeLessThanOrEqual(0.1);
};

describe("APM numbers and the links between signals", () => {
  let server: RouteServer;
  let w: TelemetryWorld;
  const window = `start=${T0}&end=${T0 + 10 * MIN}`;
  const logTrace = traceId();

  beforeAll(async () => {
    server = await startRouteServer();
    w = await telemetryWorld("apm");
    const { shop, pay } = dataSet();
    const ok = async (signal: "traces" | "logs" | "metrics", body: unknown) =>
      expect((await postOtlp(server.origin, signal, w.tokens.a, body)).status).toBe(200);
    await ok("traces", otlpTraces({ "service.name": "shop", "k8s.pod.name": "shop-0" }, shop));
    await ok("traces", otlpTraces({ "service.name": "pay" }, pay));
    await ok(
      "traces",
      otlpTraces({ "service.name": "shop", "k8s.pod.name": "shop-0" }, [
        { traceId: logTrace, spanId: spanId(), name: "GET /late", startMs: T0 + 30 * MIN, durationMs: 3 },
      ]),
    );
    await ok(
      "logs",
      otlpLogs({ "service.name": "shop", "k8s.pod.name": "shop-0" }, [
        { timeMs: T0 + 30 * MIN, body: "late order", severityNumber: 13, traceId: logTrace },
      ]),
    );
    await ok(
      "metrics",
      otlpGauge({ "service.name": "shop", "k8s.pod.name": "shop-0" }, "shop_queue", T0 + 20 * MIN, [3, 4, 5]),
    );
    await ok(
      "metrics",
      otlpGauge({ "service.name": "shop", "k8s.pod.name": "shop-9" }, "shop_queue", T0 + 20 * MIN, [7]),
    );
  });
  afterAll(async () => server?.close());

  it("computes rate, error rate and percentiles per service", async () => {
    const res = await expectOk<ApmResult>(api("GET", `${w.env("a")}/apm/services?${window}`, { token: w.root }));
    expect(res).toMatchObject({ backend: "embedded", startMs: T0, endMs: T0 + 10 * MIN });
    const [pay, shop] = res.rows;
    expect(shop).toMatchObject({ service: "shop", calls: 150, errors: 10, rate: 150 / 600 });
    expect(shop.errorRate).toBeCloseTo(10 / 150, 6);
    near(shop.p50Ms, 75);
    near(shop.p90Ms, 200);
    near(shop.p99Ms, 200);
    expect(shop.avgMs).toBeCloseTo((5050 + 50 * 200) / 150, 1);
    expect(pay).toMatchObject({ service: "pay", calls: 20, errors: 20, errorRate: 1 });
    near(pay.p50Ms, 5);
  });

  it("breaks a service down by operation, with time series for charts", async () => {
    const res = await expectOk<ApmResult>(
      api("GET", `${w.env("a")}/apm/services/shop/operations?${window}&step=5m&series=true`, { token: w.root }),
    );
    const byOp = Object.fromEntries(res.rows.map((r) => [r.operation ?? "", r]));
    expect(Object.keys(byOp)).toEqual(["GET /a", "GET /b"]);
    expect(byOp["GET /a"]).toMatchObject({ calls: 100, errors: 10 });
    near(byOp["GET /a"].p50Ms, 50);
    near(byOp["GET /a"].p90Ms, 90);
    near(byOp["GET /b"].p50Ms, 200);
    expect(byOp["GET /a"].series!.map((p) => [p.tMs, p.calls])).toEqual([
      [T0, 100],
      [T0 + 5 * MIN, 0],
    ]);
    expect(byOp["GET /b"].series!.map((p) => p.calls)).toEqual([0, 50]);
  });

  it("links a chart bucket to the traces of that service in that bucket", async () => {
    const res = await expectOk<ApmResult>(
      api("GET", `${w.env("a")}/apm/services?${window}&step=5m&series=true`, { token: w.root }),
    );
    const shop = res.rows.find((r) => r.service === "shop")!;
    const bucket = shop.series![1];
    const traces = await expectOk<TraceSearchResult>(
      api("GET", `${w.env("a")}/traces?service=shop&start=${bucket.tMs}&end=${bucket.tMs + res.stepMs - 1}&limit=200`, {
        token: w.root,
      }),
    );
    expect(bucket.calls).toBeGreaterThan(0);
    expect(traces.traces).toHaveLength(bucket.calls);
    expect(traces.traces.every((t) => t.rootName === "GET /b" && t.spanCount === 2)).toBe(true);
    const all = await expectOk<TraceSearchResult>(api("GET", `${shop.traces}&limit=200`, { token: w.root }));
    expect(all.traces).toHaveLength(150);
    const slow = await expectOk<TraceSearchResult>(
      api("GET", `${w.env("a")}/traces?service=shop&${window}&minDuration=150ms&limit=200`, { token: w.root }),
    );
    expect(slow.traces).toHaveLength(50);
    const failed = await expectOk<TraceSearchResult>(
      api("GET", `${w.env("a")}/traces?service=shop&operation=GET%20%2Fa&status=error&${window}&limit=200`, {
        token: w.root,
      }),
    );
    expect(failed.traces).toHaveLength(10);
  });

  it("links a log to its trace and to the metrics of its pod ±15 minutes", async () => {
    const logs = await expectOk<LogSearchResult>(
      api("GET", `${w.env("a")}/logs?q=late&severity=warn&start=${T0}&end=${T0 + 40 * MIN}`, { token: w.root }),
    );
    expect(logs.logs).toHaveLength(1);
    const [log] = logs.logs;
    expect(log).toMatchObject({ traceId: logTrace, severity: "warn", pod: "shop-0" });
    const trace = await expectOk<TraceDetail>(api("GET", log.related.trace!, { token: w.root }));
    expect(trace.spans.map((s) => s.name)).toEqual(["GET /late"]);
    const metrics = await expectOk<MetricQueryResult>(api("GET", `${log.related.metrics!}&agg=max`, { token: w.root }));
    expect(metrics.series).toHaveLength(1);
    expect(metrics.series[0]).toMatchObject({ metric: "shop_queue", labels: { pod: "shop-0", service: "shop" } });
    expect(Math.max(...metrics.series[0].points.map(([, v]) => v ?? 0))).toBe(5);
    // The pickers: metric names and label values.
    expect(await expectOk(api("GET", `${w.env("a")}/metrics/names`, { token: w.root }))).toMatchObject({
      metrics: [{ name: "shop_queue", type: "gauge" }],
    });
    expect(
      await expectOk(api("GET", `${w.env("a")}/metrics/labels?metric=shop_queue`, { token: w.root })),
    ).toMatchObject({ labels: { pod: ["shop-0", "shop-9"], service: ["shop"] } });
  });
});
