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
  type TelemetryWorld,
} from "@/lib/testing/telemetry-world";
import { api, expectOk } from "@/lib/testing/world";
import { purgeTelemetry } from "../store/retention";
import type { ApmResult, LogSearchResult, MetricQueryResult, TraceSearchResult } from "../schemas";

const DAY = 24 * 3600_000;

describe("retention", () => {
  let server: RouteServer;
  let w: TelemetryWorld;
  const now = Date.now();
  const old = traceId();
  const fresh = traceId();

  beforeAll(async () => {
    server = await startRouteServer();
    w = await telemetryWorld("ret");
    const post = async (signal: "traces" | "logs" | "metrics", body: unknown) =>
      expect((await postOtlp(server.origin, signal, w.tokens.a, body)).status).toBe(200);
    await post(
      "traces",
      otlpTraces({ "service.name": "svc" }, [
        { traceId: old, spanId: spanId(), name: "old", startMs: now - 8 * DAY, durationMs: 10 },
        { traceId: fresh, spanId: spanId(), name: "fresh", startMs: now - 6 * DAY, durationMs: 10 },
      ]),
    );
    await post(
      "logs",
      otlpLogs({ "service.name": "svc" }, [
        { timeMs: now - 8 * DAY, body: "old line" },
        { timeMs: now - 6 * DAY, body: "fresh line" },
      ]),
    );
    await post("metrics", otlpGauge({ "service.name": "svc" }, "kept_or_not", now - 8 * DAY, [1]));
    await post("metrics", otlpGauge({ "service.name": "svc" }, "kept_or_not", now - 6 * DAY, [2]));
  });
  afterAll(async () => server?.close());

  const window = `start=${now - 9 * DAY}&end=${now}`;
  const get = <T>(path: string) => expectOk<T>(api("GET", `${w.env("a")}/${path}`, { token: w.root }));

  it("removes spans, logs, rollups and points older than the retention period (7 days by default)", async () => {
    expect((await get<TraceSearchResult>(`traces?${window}`)).traces).toHaveLength(2);
    const purged = await purgeTelemetry(now);
    expect(purged.spans).toBeGreaterThanOrEqual(1);
    expect(purged.logs).toBeGreaterThanOrEqual(1);
    expect(purged.rollups).toBeGreaterThanOrEqual(1);
    expect(purged.points).toBeGreaterThanOrEqual(1);
    expect((await get<TraceSearchResult>(`traces?${window}`)).traces.map((t) => t.traceId)).toEqual([fresh]);
    expect((await get<LogSearchResult>(`logs?${window}`)).logs.map((l) => l.body)).toEqual(["fresh line"]);
    expect((await get<ApmResult>(`apm/services?${window}&step=1d`)).rows[0].calls).toBe(1);
    const series = await get<MetricQueryResult>(`metrics?metric=kept_or_not&agg=last&${window}&step=1d`);
    expect(series.series[0].points.filter(([, v]) => v !== null).map(([, v]) => v)).toEqual([2]);
  });

  it("honours a shorter retention", async () => {
    await purgeTelemetry(now, 5);
    expect((await get<TraceSearchResult>(`traces?${window}`)).traces).toEqual([]);
    expect((await get<LogSearchResult>(`logs?${window}`)).logs).toEqual([]);
  });
});
