import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import {
  otlpLogs,
  otlpTraces,
  postOtlp,
  spanId,
  telemetryWorld,
  traceId,
  type TelemetryWorld,
} from "@/lib/testing/telemetry-world";
import { api, expectOk } from "@/lib/testing/world";
import type { LogSearchResult, TraceDetail } from "../schemas";

// What a span carries besides its timing (events, links), log search by service and pod,
// and a collector's cluster token placing data by the plain `namespace` resource attribute.
describe("signal details", () => {
  let server: RouteServer;
  let w: TelemetryWorld;
  const t0 = Date.now() - 60_000;
  const window = `start=${t0 - 60_000}&end=${t0 + 60_000}`;

  beforeAll(async () => {
    server = await startRouteServer();
    w = await telemetryWorld("sig");
  });
  afterAll(async () => server?.close());

  it("keeps a span's events and links and returns them in the trace", async () => {
    const id = traceId();
    const root = spanId();
    const linked = { traceId: traceId(), spanId: spanId() };
    const body = otlpTraces({ "service.name": "shop" }, [
      { traceId: id, spanId: root, name: "GET /cart", startMs: t0, durationMs: 40 },
    ]);
    Object.assign(body.resourceSpans[0].scopeSpans[0].spans[0], {
      events: [
        {
          timeUnixNano: `${(t0 + 12) * 1_000_000}`,
          name: "cache miss",
          attributes: [{ key: "cache.key", value: { stringValue: "cart:42" } }],
        },
      ],
      links: [
        {
          traceId: linked.traceId,
          spanId: linked.spanId,
          attributes: [{ key: "link.kind", value: { stringValue: "follows-from" } }],
        },
      ],
    });
    expect((await postOtlp(server.origin, "traces", w.tokens.a, body)).status).toBe(200);
    const detail = await expectOk<TraceDetail>(api("GET", `/api/v1/traces/${id}`, { token: w.root }));
    expect(detail.spans[0].events).toEqual([
      { timeMs: t0 + 12, name: "cache miss", attributes: { "cache.key": "cart:42" } },
    ]);
    expect(detail.spans[0].links).toEqual([{ ...linked, attributes: { "link.kind": "follows-from" } }]);
  });

  it("finds logs by service and by pod", async () => {
    const post = async (service: string, pod: string, text: string) =>
      expect(
        (
          await postOtlp(
            server.origin,
            "logs",
            w.tokens.a,
            otlpLogs({ "service.name": service, "k8s.pod.name": pod }, [{ timeMs: t0, body: text }]),
          )
        ).status,
      ).toBe(200);
    await post("shop", "shop-1", "shop one");
    await post("shop", "shop-2", "shop two");
    await post("pay", "pay-1", "pay one");
    const bodies = async (q: string) =>
      (await expectOk<LogSearchResult>(api("GET", `${w.env("a")}/logs?${window}&${q}`, { token: w.root }))).logs
        .map((l) => l.body)
        .sort();
    expect(await bodies("service=shop")).toEqual(["shop one", "shop two"]);
    expect(await bodies("pod=shop-2")).toEqual(["shop two"]);
    expect(await bodies("service=pay&pod=pay-1")).toEqual(["pay one"]);
    expect(await bodies("service=pay&pod=shop-1")).toEqual([]);
  });

  it("places a cluster token's data by the `namespace` resource attribute when k8s.namespace.name is absent", async () => {
    const text = `via namespace attribute ${traceId()}`;
    const res = await postOtlp(
      server.origin,
      "logs",
      w.tokens.cluster,
      otlpLogs({ "service.name": "collector", namespace: w.namespace("b") }, [{ timeMs: t0, body: text }]),
    );
    expect(res.status).toBe(200);
    const inB = await expectOk<LogSearchResult>(
      api("GET", `${w.env("b")}/logs?${window}&q=${encodeURIComponent(text)}`, { token: w.root }),
    );
    expect(inB.logs.map((l) => [l.body, l.namespace])).toEqual([[text, w.namespace("b")]]);
    const inA = await expectOk<LogSearchResult>(
      api("GET", `${w.env("a")}/logs?${window}&q=${encodeURIComponent(text)}`, { token: w.root }),
    );
    expect(inA.logs).toEqual([]);
  });
});
