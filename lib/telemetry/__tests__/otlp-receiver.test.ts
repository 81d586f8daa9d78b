import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueName } from "@/lib/testing/factories";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import {
  otlpTraces,
  postOtlp,
  spanId,
  telemetryWorld,
  traceId,
  type TelemetryWorld,
} from "@/lib/testing/telemetry-world";
import { api, expectOk } from "@/lib/testing/world";
import { OtlpTypes } from "../otlp/schema";
import { configureReceiver } from "../otlp/receiver";
import { queues } from "../store/queues";
import type { TraceDetail, TraceSearchResult } from "../schemas";

const oneSpan = (service: string, extra: Record<string, string> = {}, id = traceId()) =>
  otlpTraces({ "service.name": service, ...extra }, [
    { traceId: id, spanId: spanId(), name: "GET /", startMs: Date.now(), durationMs: 5 },
  ]);

describe("the OTLP receiver", () => {
  let server: RouteServer;
  let w: TelemetryWorld;

  beforeAll(async () => {
    server = await startRouteServer();
    w = await telemetryWorld("rcv");
  });
  afterAll(async () => server?.close());

  const spansOf = async (env: "a" | "b", service: string) =>
    (
      await expectOk<TraceSearchResult>(
        api("GET", `${w.env(env)}/traces?service=${service}&limit=200`, { token: w.root }),
      )
    ).traces;

  it("answers 401 without a valid ingest token, and 415 for other media types", async () => {
    expect((await postOtlp(server.origin, "traces", null, oneSpan("x"))).status).toBe(401);
    const wrong = await postOtlp(server.origin, "traces", "fit_not-a-real-token", oneSpan("x"));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toBe("Bearer");
    expect(wrong.body).toMatchObject({ code: 16 });
    expect((await postOtlp(server.origin, "logs", w.root, {})).status).toBe(401);
    expect(
      (
        await postOtlp(server.origin, "traces", w.tokens.a, null, {
          raw: Buffer.from("hello"),
          contentType: "text/plain",
        })
      ).status,
    ).toBe(415);
  });

  it("answers 400 to malformed protobuf and JSON", async () => {
    const garbage = Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02]);
    const proto = await postOtlp(server.origin, "traces", w.tokens.a, null, {
      raw: garbage,
      contentType: "application/x-protobuf",
    });
    expect(proto.status).toBe(400);
    expect(proto.headers.get("content-type")).toBe("application/x-protobuf");
    expect((await postOtlp(server.origin, "logs", w.tokens.a, null, { raw: Buffer.from("{not json") })).status).toBe(
      400,
    );
    expect((await postOtlp(server.origin, "metrics", w.tokens.a, { resourceMetrics: "nope" })).status).toBe(400);
    const badId = otlpTraces({ "service.name": "x" }, [
      { traceId: "abc", spanId: spanId(), name: "n", startMs: 1, durationMs: 1 },
    ]);
    expect((await postOtlp(server.origin, "traces", w.tokens.a, badId)).status).toBe(400);
    expect(
      (
        await postOtlp(server.origin, "traces", w.tokens.a, null, {
          raw: Buffer.from("not gzip"),
          headers: { "content-encoding": "gzip" },
        })
      ).status,
    ).toBe(400);
    // An empty request is a success (OTLP).
    expect(await postOtlp(server.origin, "traces", w.tokens.a, {})).toMatchObject({ status: 200, body: {} });
  });

  it("answers 413 to a gzip bomb without inflating it", async () => {
    const bomb = gzipSync(Buffer.alloc(128 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(256 * 1024);
    // Warm the connection, the handler and zlib so the timing measures the refusal itself.
    await postOtlp(server.origin, "traces", w.tokens.a, null, {
      raw: gzipSync("{}"),
      headers: { "content-encoding": "gzip" },
    });
    // Compared with inflating the bomb on this same (possibly loaded) machine, not with a fixed
    // number of milliseconds: a refusal that inflated it first would take at least as long.
    const inflateStarted = performance.now();
    gunzipSync(bomb);
    const inflateMs = performance.now() - inflateStarted;
    const refusals: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const res = await postOtlp(server.origin, "traces", w.tokens.a, null, {
        raw: bomb,
        headers: { "content-encoding": "gzip" },
      });
      refusals.push(performance.now() - started);
      expect(res.status).toBe(413);
    }
    const fastest = Math.min(...refusals);
    expect(fastest, `refused in ${fastest.toFixed(1)} ms; inflating takes ${inflateMs.toFixed(1)} ms`).toBeLessThan(
      inflateMs / 2,
    );
    // A body whose declared length is over the cap is refused before it is read; one that
    // inflates past the cap at an ordinary ratio is refused too.
    configureReceiver({ maxBodyBytes: 64 * 1024 });
    try {
      expect(
        (await postOtlp(server.origin, "logs", w.tokens.a, null, { raw: Buffer.alloc(96 * 1024, 0x20) })).status,
      ).toBe(413);
      const ordinary = gzipSync(Buffer.from(Array.from({ length: 2500 }, () => traceId()).join(",")));
      expect(ordinary.length).toBeLessThan(64 * 1024);
      expect(
        (
          await postOtlp(server.origin, "logs", w.tokens.a, null, {
            raw: ordinary,
            headers: { "content-encoding": "gzip" },
          })
        ).status,
      ).toBe(413);
    } finally {
      configureReceiver({ maxBodyBytes: 8 * 1024 * 1024 });
    }
  });

  it("accepts gzip bodies that fit", async () => {
    const service = uniqueName("gz");
    const res = await postOtlp(server.origin, "traces", w.tokens.a, null, {
      raw: gzipSync(JSON.stringify(oneSpan(service))),
      headers: { "content-encoding": "gzip" },
    });
    expect(res).toMatchObject({ status: 200, body: {} });
    expect(await spansOf("a", service)).toHaveLength(1);
  });

  it("refuses, per item, data an environment token sends for another namespace", async () => {
    const service = uniqueName("pin");
    const own = oneSpan(service);
    const foreign = oneSpan(service, { "k8s.namespace.name": w.namespace("b") });
    const mixed = { resourceSpans: [...own.resourceSpans, ...foreign.resourceSpans] };
    const res = await postOtlp(server.origin, "traces", w.tokens.a, mixed);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      partialSuccess: { rejectedSpans: "1", errorMessage: expect.stringContaining(w.namespace("b")) },
    });
    expect(await spansOf("a", service)).toHaveLength(1);
    expect(await spansOf("b", service)).toHaveLength(0);
    // Protobuf requests get the partial success in protobuf.
    const pb = OtlpTypes.traceRequest
      .encode(
        OtlpTypes.traceRequest.fromObject({
          resourceSpans: [
            {
              resource: { attributes: [{ key: "k8s.namespace.name", value: { stringValue: w.namespace("b") } }] },
              scopeSpans: [
                {
                  spans: [{ traceId: Buffer.from(traceId(), "hex"), spanId: Buffer.from(spanId(), "hex"), name: "x" }],
                },
              ],
            },
          ],
        }),
      )
      .finish();
    const proto = await fetch(`${server.origin}/api/otlp/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/x-protobuf", authorization: `Bearer ${w.tokens.a}` },
      body: new Uint8Array(pb),
    });
    expect(proto.status).toBe(200);
    const decoded = OtlpTypes.traceResponse.toObject(
      OtlpTypes.traceResponse.decode(Buffer.from(await proto.arrayBuffer())),
      { longs: String },
    );
    expect(decoded).toMatchObject({ partialSuccess: { rejectedSpans: "1" } });
  });

  it("lets a cluster token write any namespace its resources name, and only those that name one", async () => {
    const service = uniqueName("cl");
    const res = await postOtlp(server.origin, "traces", w.tokens.cluster, {
      resourceSpans: [
        ...oneSpan(service, { "k8s.namespace.name": w.namespace("b") }).resourceSpans,
        ...oneSpan(service).resourceSpans,
      ],
    });
    expect(res.body).toMatchObject({
      partialSuccess: { rejectedSpans: "1", errorMessage: expect.stringContaining("k8s.namespace.name") },
    });
    expect(await spansOf("b", service)).toHaveLength(1);
    expect(await spansOf("a", service)).toHaveLength(0);
  });

  it("answers 429 with Retry-After when the write queue is full, and stores every batch it acknowledged", async () => {
    queues().spans.configure({ maxHeldRows: 300, writers: 1 });
    try {
      const batches = Array.from({ length: 40 }, () => {
        const id = traceId();
        return {
          id,
          body: otlpTraces(
            { "service.name": "overload" },
            Array.from({ length: 100 }, (_, i) => ({
              traceId: id,
              spanId: spanId(),
              name: `op-${i}`,
              startMs: Date.now(),
              durationMs: 1,
            })),
          ),
        };
      });
      const results = await Promise.all(batches.map((b) => postOtlp(server.origin, "traces", w.tokens.a, b.body)));
      const refused = results.filter((r) => r.status === 429);
      const accepted = batches.filter((_, i) => results[i].status === 200);
      expect(refused.length).toBeGreaterThan(0);
      expect(accepted.length).toBeGreaterThan(0);
      expect(results.every((r) => r.status === 200 || r.status === 429)).toBe(true);
      expect(refused.every((r) => Number(r.headers.get("retry-after")) >= 1)).toBe(true);
      for (const b of accepted) {
        const detail = await expectOk<TraceDetail>(api("GET", `/api/v1/traces/${b.id}`, { token: w.root }));
        expect(detail.spans).toHaveLength(100);
      }
    } finally {
      queues().spans.configure({ maxHeldRows: 60_000, writers: 2 });
    }
  });
});
