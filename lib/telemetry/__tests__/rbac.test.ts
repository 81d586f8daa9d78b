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
import type { LogSearchResult, MetricQueryResult, TraceDetail, TraceSearchResult } from "../schemas";

// A tenant member who reads env-a but not env-b: env-b's telemetry never shows, by search,
// by trace id or by metric query; a trace crossing into env-b says how much is hidden.

describe("telemetry is scoped by what the actor may read", () => {
  let server: RouteServer;
  let w: TelemetryWorld;
  const crossing = traceId();
  const onlyB = traceId();
  const apiSpan = spanId();
  const now = Date.now();

  beforeAll(async () => {
    server = await startRouteServer();
    w = await telemetryWorld("rbac");
    const post = async (token: string, signal: "traces" | "logs" | "metrics", body: unknown) =>
      expect((await postOtlp(server.origin, signal, token, body)).body).toEqual({});
    await post(
      w.tokens.a,
      "traces",
      otlpTraces({ "service.name": "front" }, [
        { traceId: crossing, spanId: apiSpan, name: "GET /pay", startMs: now - 1000, durationMs: 80 },
      ]),
    );
    await post(
      w.tokens.b,
      "traces",
      otlpTraces({ "service.name": "vault" }, [
        {
          traceId: crossing,
          spanId: spanId(),
          parentSpanId: apiSpan,
          name: "POST /charge",
          startMs: now - 990,
          durationMs: 50,
          attributes: { "user.id": "secret-user" },
        },
        {
          traceId: crossing,
          spanId: spanId(),
          parentSpanId: apiSpan,
          name: "SELECT card",
          kind: 3,
          startMs: now - 980,
          durationMs: 20,
        },
        {
          traceId: onlyB,
          spanId: spanId(),
          name: "GET /keys",
          startMs: now - 500,
          durationMs: 5,
          attributes: { "user.id": "secret-user" },
        },
      ]),
    );
    await post(
      w.tokens.a,
      "logs",
      otlpLogs({ "service.name": "front" }, [
        { timeMs: now - 995, body: "front paying", traceId: crossing, spanId: apiSpan },
      ]),
    );
    await post(
      w.tokens.b,
      "logs",
      otlpLogs({ "service.name": "vault" }, [
        { timeMs: now - 985, body: "vault card 4242", traceId: crossing },
        { timeMs: now - 984, body: "vault charged", traceId: crossing },
      ]),
    );
    await post(w.tokens.b, "metrics", otlpGauge({ "service.name": "vault" }, "vault_balance", now - 120_000, [1, 2]));
  });
  afterAll(async () => server?.close());

  const as =
    (token: string) =>
    <T = unknown>(path: string) =>
      api<T>("GET", path, { token });

  it("an env-a reader finds none of env-b's spans, logs or metrics by search", async () => {
    const get = as(w.reader.token);
    for (const path of [
      "traces",
      "traces?attr.user.id=secret-user",
      "logs?q=vault",
      "metrics?metric=vault_balance",
      "metrics/names",
      "apm/services",
    ]) {
      expect((await get(`${w.env("b")}/${path}`)).status, path).toBe(403);
    }
    const inA = await expectOk<TraceSearchResult>(get(`${w.env("a")}/traces?limit=50`));
    expect(inA.traces.map((t) => t.traceId)).toEqual([crossing]);
    expect(inA.traces[0]).toMatchObject({ spanCount: 1, services: ["front"] });
    expect((await expectOk<TraceSearchResult>(get(`${w.env("a")}/traces?attr.user.id=secret-user`))).traces).toEqual(
      [],
    );
    expect((await expectOk<LogSearchResult>(get(`${w.env("a")}/logs?q=vault`))).logs).toEqual([]);
    expect((await expectOk<MetricQueryResult>(get(`${w.env("a")}/metrics?metric=vault_balance`))).series).toEqual([]);
    // The same searches as the sysadmin do find them, so the data is there.
    expect(
      (await expectOk<TraceSearchResult>(as(w.root)(`${w.env("b")}/traces?attr.user.id=secret-user`))).traces,
    ).toHaveLength(2);
    expect(
      (
        await expectOk<MetricQueryResult>(
          as(w.root)(`${w.env("b")}/metrics?metric=vault_balance&start=${now - 600_000}`),
        )
      ).series,
    ).toHaveLength(1);
  });

  it("by trace id, a crossing trace shows the readable spans and counts the hidden ones", async () => {
    const detail = await expectOk<TraceDetail>(as(w.reader.token)(`/api/v1/traces/${crossing}`));
    expect(detail.spans.map((s) => s.name)).toEqual(["GET /pay"]);
    expect(detail.hiddenSpans).toBe(2);
    expect(JSON.stringify(detail)).not.toContain("vault");
    const full = await expectOk<TraceDetail>(as(w.root)(`/api/v1/traces/${crossing}`));
    expect(full).toMatchObject({ hiddenSpans: 0, services: ["front", "vault"] });
    expect(full.spans).toHaveLength(3);
    // A trace with nothing the reader may read is "not found", as an unknown id is.
    expect((await as(w.reader.token)(`/api/v1/traces/${onlyB}`)).status).toBe(404);
    expect((await as(w.outsider.token)(`/api/v1/traces/${crossing}`)).status).toBe(404);
    expect((await as(w.reader.token)(`/api/v1/traces/${traceId()}`)).status).toBe(404);
  });

  it("a trace's logs hide those of unreadable namespaces and say how many", async () => {
    const logs = await expectOk<LogSearchResult>(as(w.reader.token)(`/api/v1/traces/${crossing}/logs`));
    expect(logs.logs.map((l) => l.body)).toEqual(["front paying"]);
    expect(logs.hiddenLogs).toBe(2);
    expect((await expectOk<LogSearchResult>(as(w.root)(`/api/v1/traces/${crossing}/logs`))).logs).toHaveLength(3);
  });

  it("Facet's own telemetry and other tenants' are out of reach", async () => {
    for (const path of [
      "/api/v1/system/traces",
      "/api/v1/system/logs",
      "/api/v1/system/apm/services",
      "/api/v1/system/apm/services/facet/operations",
    ])
      expect((await as(w.reader.token)(path)).status).toBe(403);
    for (const e of ["a", "b"] as const) expect((await as(w.outsider.token)(`${w.env(e)}/traces`)).status).toBe(404);
  });
});
