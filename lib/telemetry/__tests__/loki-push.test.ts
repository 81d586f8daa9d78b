import { gzipSync } from "node:zlib";
import snappy from "snappyjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import winston from "winston";
import LokiTransport from "winston-loki";
import { uniqueName } from "@/lib/testing/factories";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { telemetryWorld, type TelemetryWorld } from "@/lib/testing/telemetry-world";
import { api, expectOk } from "@/lib/testing/world";
import { configureLokiPush } from "../loki/receiver";
import { PushRequestType } from "../loki/push-schema";
import type { LogSearchResult } from "../schemas";

// Loki push in: a real Loki client from npm (winston-loki, which sends snappy protobuf when the
// snappy binding loads and JSON when told to) and hand-made requests for what clients never send.

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

describe("Loki push (/loki/api/v1/push)", () => {
  let server: RouteServer;
  let w: TelemetryWorld;

  beforeAll(async () => {
    server = await startRouteServer("app/loki");
    w = await telemetryWorld("loki");
  });
  afterAll(async () => server?.close());

  const push = (
    authorization: string | null,
    body: unknown,
    init: { type?: string; raw?: Buffer; headers?: Record<string, string> } = {},
  ) =>
    fetch(`${server.origin}/loki/api/v1/push`, {
      method: "POST",
      headers: {
        "content-type": init.type ?? "application/json",
        ...(authorization ? { authorization } : {}),
        ...init.headers,
      },
      body: init.raw ? new Uint8Array(init.raw) : JSON.stringify(body),
    });
  const jsonPush = (labels: Record<string, string>, lines: string[], atMs = Date.now()) => ({
    streams: [{ stream: labels, values: lines.map((line, i) => [`${(atMs + i) * 1_000_000}`, line]) }],
  });
  const protoPush = (labels: string, lines: string[], atMs = Date.now()) =>
    Buffer.from(
      snappy.compress(
        PushRequestType.encode(
          PushRequestType.fromObject({
            streams: [
              {
                labels,
                entries: lines.map((line, i) => ({
                  timestamp: { seconds: Math.floor((atMs + i) / 1000), nanos: ((atMs + i) % 1000) * 1e6 },
                  line,
                })),
              },
            ],
          }),
        ).finish(),
      ),
    );
  const search = async (env: "a" | "b", q: string) =>
    (
      await expectOk<LogSearchResult>(
        api("GET", `${w.env(env)}/logs?q=${encodeURIComponent(q)}&limit=200`, { token: w.root }),
      )
    ).logs;

  async function sendWithWinston(json: boolean, marker: string) {
    const transport = new LokiTransport({
      host: server.origin,
      basicAuth: `promtail:${w.tokens.a}`,
      json,
      batching: true,
      interval: 0.2,
      labels: { app: "checkout", namespace: w.namespace("a"), pod: "checkout-7d9", container: "web" },
      gracefulShutdown: false,
      onConnectionError: (error: unknown) => {
        throw error;
      },
    });
    const log = winston.createLogger({ transports: [transport] });
    log.info(`${marker} first line`);
    log.warn(`${marker} second line`);
    log.error(`${marker} third line`);
    await transport.flush();
    transport.close?.();
  }

  it("stores what winston-loki pushes as JSON and as snappy protobuf, with pod, container, service and level", async () => {
    // winston-loki sends snappy protobuf only when the snappy binding loads; make sure it does.
    expect((await import("snappy")).compressSync).toBeTypeOf("function");
    for (const json of [true, false]) {
      const marker = uniqueName(json ? "wjson" : "wproto");
      await sendWithWinston(json, marker);
      const logs = await search("a", marker);
      // winston-loki appends the record's meta as JSON after the message.
      expect(logs.map((l) => l.body.split(" {")[0]).sort()).toEqual(
        [`${marker} first line`, `${marker} second line`, `${marker} third line`].sort(),
      );
      for (const log of logs) {
        expect(log.namespace).toBe(w.namespace("a"));
        expect(log.service).toBe("checkout");
        expect(log.pod).toBe("checkout-7d9");
      }
      expect(logs.find((l) => l.body.includes("third"))?.severity).toBe("error");
      expect(logs.find((l) => l.body.includes("second"))?.severity).toBe("warn");
    }
  });

  it("maps stream labels of the common Loki clients to namespace, pod, container and service", async () => {
    const marker = uniqueName("labels");
    const res = await push(`Bearer ${w.tokens.cluster}`, {
      streams: [
        {
          stream: {
            k8s_namespace_name: w.namespace("b"),
            k8s_pod_name: "api-0",
            k8s_container_name: "api",
            service_name: "orders",
          },
          values: [[`${Date.now() * 1e6}`, `${marker} otel-style`, { trace_id: "4bf92f3577b34da6a3ce929d0e0e4736" }]],
        },
        {
          stream: { namespace_name: w.namespace("b"), pod_name: "web-1", container_name: "nginx", level: "warning" },
          values: [[`${Date.now() * 1e6}`, `${marker} operator-style`]],
        },
      ],
    });
    expect(res.status).toBe(204);
    const logs = await search("b", marker);
    const otel = logs.find((l) => l.body.includes("otel-style"))!;
    expect(otel).toMatchObject({ service: "orders", pod: "api-0", traceId: "4bf92f3577b34da6a3ce929d0e0e4736" });
    const operator = logs.find((l) => l.body.includes("operator-style"))!;
    expect(operator).toMatchObject({ service: "nginx", pod: "web-1", severityNumber: 13 });
    // Nothing of it reached the other environment.
    expect(await search("a", marker)).toEqual([]);
  });

  it("takes the ingest token as Bearer or as the Basic password, and refuses every other credential with 401", async () => {
    const marker = uniqueName("auth");
    const body = jsonPush({ app: "x" }, [`${marker} ok`]);
    expect((await push(basic("anyone", w.tokens.a), body)).status).toBe(204);
    expect((await push(`Bearer ${w.tokens.a}`, body)).status).toBe(204);
    for (const authorization of [
      null,
      "Bearer fit_not-a-real-token",
      basic("anyone", "fit_not-a-real-token"),
      basic(w.tokens.a, "password"), // the token as user name is not the token
      `Basic ${Buffer.from(w.tokens.a).toString("base64")}`, // no colon
      "Basic !!!",
      `Token ${w.tokens.a}`,
      `Bearer ${w.tokens.a.slice(0, -1)}`,
      `Bearer ${w.tokens.a}${"x".repeat(600)}`,
    ]) {
      const res = await push(authorization, jsonPush({ app: "x" }, [`${marker} refused`]));
      expect(res.status, String(authorization).slice(0, 40)).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Basic");
    }
    expect((await search("a", marker)).map((l) => l.body).sort()).toEqual([`${marker} ok`, `${marker} ok`]);
  });

  it("keeps an environment token to its own namespace, whatever the stream claims", async () => {
    const marker = uniqueName("pinned");
    for (const labels of [
      { namespace: w.namespace("b") } as Record<string, string>,
      { k8s_namespace_name: w.namespace("b") },
      { namespace_name: w.namespace("b") },
      { namespace: "kube-system" },
    ]) {
      const res = await push(`Bearer ${w.tokens.a}`, jsonPush(labels, [`${marker} escaped`]));
      expect(res.status, JSON.stringify(labels)).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toContain("not the token's namespace");
    }
    const proto = await push(`Bearer ${w.tokens.a}`, null, {
      type: "application/x-protobuf",
      raw: protoPush(`{namespace="${w.namespace("b")}", app="x"}`, [`${marker} escaped`]),
    });
    expect(proto.status).toBe(400);
    expect(await search("b", marker)).toEqual([]);
    expect(await search("a", marker)).toEqual([]);
    // A stream naming no namespace lands in the token's own.
    expect((await push(`Bearer ${w.tokens.a}`, jsonPush({ app: "x" }, [`${marker} home`]))).status).toBe(204);
    expect((await search("a", marker)).map((l) => l.body)).toEqual([`${marker} home`]);
  });

  it("accepts gzip JSON and snappy protobuf, and answers 400/413/415 to what is not a push", async () => {
    const marker = uniqueName("enc");
    const gz = await push(`Bearer ${w.tokens.a}`, null, {
      raw: gzipSync(JSON.stringify(jsonPush({ app: "gz" }, [`${marker} gzip`]))),
      headers: { "content-encoding": "gzip" },
    });
    expect(gz.status).toBe(204);
    const pb = await push(`Bearer ${w.tokens.a}`, null, {
      type: "application/x-protobuf",
      raw: protoPush('{app="pb", note="a \\"quoted\\" value"}', [`${marker} proto`]),
    });
    expect(pb.status).toBe(204);
    expect((await search("a", marker)).map((l) => l.body).sort()).toEqual([`${marker} gzip`, `${marker} proto`]);

    const bad: [string, Parameters<typeof push>[2], unknown, number][] = [
      ["not JSON", { raw: Buffer.from("{streams") }, null, 400],
      ["wrong shape", {}, { streams: "x" }, 400],
      ["timestamp not ns", {}, { streams: [{ stream: {}, values: [["yesterday", "x"]] }] }, 400],
      ["bad label name", {}, { streams: [{ stream: { "a-b": "x" }, values: [] }] }, 400],
      [
        "too many labels",
        {},
        { streams: [{ stream: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`l${i}`, "v"])), values: [] }] },
        400,
      ],
      [
        "not snappy",
        { type: "application/x-protobuf", raw: Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) },
        null,
        400,
      ],
      [
        "garbage protobuf",
        {
          type: "application/x-protobuf",
          raw: Buffer.from(snappy.compress(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f]))),
        },
        null,
        400,
      ],
      ["bad label text", { type: "application/x-protobuf", raw: protoPush('{app="x" ; rm -rf}', ["x"]) }, null, 400],
      ["labels without braces", { type: "application/x-protobuf", raw: protoPush('app="x"', ["x"]) }, null, 400],
      ["text/plain", { type: "text/plain", raw: Buffer.from("hello") }, null, 415],
      ["brotli", { headers: { "content-encoding": "br" } }, jsonPush({}, ["x"]), 415],
    ];
    for (const [what, init, body, status] of bad) {
      const res = await push(`Bearer ${w.tokens.a}`, body, init);
      expect(res.status, what).toBe(status);
      expect(res.headers.get("content-type"), what).toBe("application/problem+json");
    }
  });

  it("bounds the body before and after snappy: a block announcing more than the limit is never inflated", async () => {
    configureLokiPush({ maxBodyBytes: 64 * 1024 });
    try {
      // 1 MiB of one repeated line compresses to a few KiB but announces 1 MiB.
      const bomb = protoPush('{app="bomb"}', ["a".repeat(1024 * 1024)]);
      expect(bomb.length).toBeLessThan(64 * 1024);
      const res = await push(`Bearer ${w.tokens.a}`, null, { type: "application/x-protobuf", raw: bomb });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/inflates to \d+ bytes/);
      expect(
        (await push(`Bearer ${w.tokens.a}`, { streams: [{ stream: {}, values: [["1", "x".repeat(70 * 1024)]] }] }))
          .status,
      ).toBe(413);
    } finally {
      configureLokiPush({ maxBodyBytes: 8 * 1024 * 1024 });
    }
  });
});
