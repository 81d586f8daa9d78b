import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { md5Hex } from "@/lib/config-center/md5";
import {
  DEFAULT_HUB_LIMITS,
  ListenerHub,
  ListenerLimit,
  listenerHub,
  type WatchedKey,
} from "@/lib/config-center/listeners/hub";
import { jsonDepthExceeds } from "@/lib/core/parse-json-bounded";
import { configureBodyReads } from "@/lib/core/read-bounded-body";
import { OtlpTypes } from "@/lib/telemetry/otlp/schema";
import { configureReceiver } from "@/lib/telemetry/otlp/receiver";
import { buildConfigWorld, createConfigKey, nacos, type ConfigKey, type ConfigWorld } from "@/lib/testing/config-world";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { slowRequest } from "@/lib/testing/slow-request";
import {
  otlpTraces,
  postOtlp,
  spanId,
  telemetryWorld,
  traceId,
  type TelemetryWorld,
} from "@/lib/testing/telemetry-world";
import { api, expectOk } from "@/lib/testing/world";

// Bounded work: every window, step, page, key list, body and nesting a request may name has a
// limit checked before the work is done, and the answer names what was too much.

const DAY = 86_400_000;
const NOW = Date.now();

interface Problem {
  status: number;
  code: string;
  errors?: { path: string; message: string }[];
}

const nested = (depth: number, open = "[", close = "]", inner = "1") =>
  open.repeat(depth) + inner + close.repeat(depth);
const nestedObject = (depth: number) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth);

describe("bounded telemetry queries", () => {
  let w: TelemetryWorld;
  let server: RouteServer;
  const service = "bounded-shop";

  beforeAll(async () => {
    w = await telemetryWorld("dos");
    server = await startRouteServer();
    const trace = traceId();
    const spans = [0, 1, 2].map((i) => ({
      traceId: trace,
      spanId: spanId(),
      name: `GET /cart/${i}`,
      startMs: NOW - 120_000 - i * 1000,
      durationMs: 5 + i,
    }));
    expect(
      (await postOtlp(server.origin, "traces", w.tokens.a, otlpTraces({ "service.name": service }, spans))).status,
    ).toBe(200);
  });
  afterAll(async () => server?.close());

  const get = <T = Problem>(path: string, token = w.root) => api<T>("GET", path, { token });
  const expect422 = async (path: string, field: string, token?: string) => {
    const res = await get(path, token);
    expect(res.status, `${path} → ${JSON.stringify(res.body)}`).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body.errors?.map((e) => e.path)).toContain(field);
  };

  it("APM refuses a step that cuts the window into more than 1,000 points, with or without data", async () => {
    const month = `start=${NOW - 30 * DAY}&end=${NOW}`;
    for (const env of ["a", "b"] as const) {
      // env-a holds spans, env-b none: both refuse before reading.
      await expect422(`${w.env(env)}/apm/services?series=true&step=1&${month}`, "query.step");
      await expect422(`${w.env(env)}/apm/services?series=true&step=1ms&${month}`, "query.step");
      await expect422(`${w.env(env)}/apm/services?series=true&step=0.5s&${month}`, "query.step");
      await expect422(`${w.env(env)}/apm/services?step=1m&${month}`, "query.step");
      await expect422(`${w.env(env)}/apm/services/${service}/operations?series=true&step=1&${month}`, "query.step");
      await expect422(
        `${w.env(env)}/apm/services/${encodeURIComponent("ö-x")}/operations?series=true&step=30s&start=${NOW - 2 * DAY}&end=${NOW}`,
        "query.step",
      );
    }
    await expect422(`/api/v1/system/apm/services?series=true&step=1&start=${NOW - 7 * DAY}`, "query.step");
    await expect422(
      `/api/v1/system/apm/services/facet/operations?series=true&step=60000&start=${NOW - 7 * DAY}`,
      "query.step",
    );
  });

  it("APM answers within the bounds: an hourly series over a week has 168 points", async () => {
    const res = await expectOk(
      get<{ stepMs: number; rows: { service: string; series?: unknown[] }[] }>(
        `${w.env("a")}/apm/services?series=true&step=1h&start=${NOW - 7 * DAY}&end=${NOW}`,
      ),
    );
    expect(res.stepMs).toBe(3_600_000);
    const row = res.rows.find((r) => r.service === service);
    expect(row?.series?.length).toBeGreaterThanOrEqual(168);
    expect(row?.series?.length).toBeLessThanOrEqual(169);
    // Exactly 1,000 one-minute steps is the largest series allowed.
    const edge = await expectOk(
      get<{ rows: { series?: unknown[] }[] }>(
        `${w.env("a")}/apm/services?series=true&step=1m&start=${NOW - 999 * 60_000}&end=${NOW}`,
      ),
    );
    expect(edge.rows[0].series!.length).toBeLessThanOrEqual(1000);
  });

  it("every telemetry route refuses a window reaching back to the epoch or beyond (query.start)", async () => {
    const starts = [
      "0",
      "1970-01-01T00:00:00Z",
      "-1000000000000000",
      String(NOW - 93 * DAY),
      "2000-02-29T12:00:00%2B08:00",
    ];
    for (const start of starts) {
      await expect422(`${w.env("a")}/apm/services?start=${start}&end=${NOW}`, "query.start");
      await expect422(`${w.env("b")}/apm/services?start=${start}&end=${NOW}`, "query.start");
      await expect422(`${w.env("a")}/traces?start=${start}&end=${NOW}`, "query.start");
      await expect422(`${w.env("b")}/traces?start=${start}&end=${NOW}&attr.http.route=%2Fcart`, "query.start");
      await expect422(`${w.env("a")}/logs?start=${start}&end=${NOW}`, "query.start");
      await expect422(`${w.env("b")}/logs?start=${start}`, "query.start");
      await expect422(`${w.env("a")}/metrics?start=${start}&end=${NOW}`, "query.start");
      await expect422(`/api/v1/system/traces?start=${start}&end=${NOW}`, "query.start");
      await expect422(`/api/v1/system/logs?start=${start}&end=${NOW}`, "query.start");
    }
    // A far-future end is as long a window as a far-past start.
    await expect422(`${w.env("a")}/traces?start=${NOW}&end=${NOW + 400 * DAY}`, "query.start");
    // 92 days is still allowed.
    expect((await get(`${w.env("a")}/traces?start=${NOW - 91 * DAY}&end=${NOW}`)).status).toBe(200);
  });

  it("metrics keep their cap of 1,000 points per series, whatever the step's spelling", async () => {
    for (const step of ["1", "1ms", "0", "0.001s", "1us", "30s"])
      await expect422(`${w.env("a")}/metrics?metric=x&step=${step}&start=${NOW - DAY}&end=${NOW}`, "query.step");
    expect((await get(`${w.env("a")}/metrics?metric=x&step=5m&start=${NOW - DAY}&end=${NOW}`)).status).toBe(200);
  });

  it("page sizes are bounded on telemetry, audit and config lists", async () => {
    const tooBig: [string, string][] = [
      [`${w.env("a")}/traces?limit=201`, "query.limit"],
      [`${w.env("a")}/traces?limit=1e9`, "query.limit"],
      [`${w.env("a")}/logs?limit=1001`, "query.limit"],
      [`${w.env("a")}/logs?limit=-1`, "query.limit"],
      [`${w.env("a")}/metrics?limit=201`, "query.limit"],
      [`/api/v1/system/traces?limit=99999999999999999999`, "query.limit"],
      [`/api/v1/audit?limit=501`, "query.limit"],
      [`/api/v1/audit?limit=Infinity`, "query.limit"],
      [`/api/v1/tenants/${w.tenant}/projects/shop/environments/env-a/configs?limit=201`, "query.limit"],
      [`/api/v1/tenants/${w.tenant}/projects/shop/environments/env-a/configs?limit=0`, "query.limit"],
    ];
    for (const [path, field] of tooBig) await expect422(path, field);
  });
});

describe("bounded bodies", () => {
  let w: TelemetryWorld;
  let server: RouteServer;
  let nacosServer: RouteServer;
  let key: ConfigKey;
  let cw: ConfigWorld;

  beforeAll(async () => {
    w = await telemetryWorld("dosb");
    cw = await buildConfigWorld("dosb");
    key = await createConfigKey(cw, "dev", "read-only");
    server = await startRouteServer();
    nacosServer = await startRouteServer("app/nacos");
  });
  afterAll(async () => {
    await server?.close();
    await nacosServer?.close();
  });
  afterEach(() => {
    configureBodyReads({ timeoutMs: 15_000 });
    configureReceiver({ maxInflight: 16, maxInflightPerToken: 4 });
  });

  const raw = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.origin}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${w.root}`, ...headers },
      body,
    });
    return {
      status: res.status,
      type: res.headers.get("content-type"),
      body: (await res.json().catch(() => null)) as Problem | null,
    };
  };

  it("counts JSON depth without parsing, ignoring brackets inside strings", () => {
    expect(jsonDepthExceeds(nested(64), 64)).toBe(false);
    expect(jsonDepthExceeds(nested(65), 64)).toBe(true);
    expect(jsonDepthExceeds(nestedObject(65), 64)).toBe(true);
    expect(jsonDepthExceeds(nested(40, '[{"k":', "}]"), 64)).toBe(true);
    expect(jsonDepthExceeds(JSON.stringify({ s: "[".repeat(10_000) }), 64)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ s: '\\"[[[[' + "{".repeat(500) }), 64)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ "{{{{": "\u{1F600}".repeat(100) + "]]]" }), 2)).toBe(false);
    // A string ending in an escaped backslash closes at its quote; the nesting after it counts.
    expect(jsonDepthExceeds(`{"s":"x\\\\","t":${nested(70)}}`, 64)).toBe(true);
    expect(jsonDepthExceeds(`{"s":"x\\\\\\"[[[[[[","t":${nested(10)}}`, 12)).toBe(false);
    // Closers inside a string do not let an attacker reset the count.
    expect(jsonDepthExceeds(`[${'"]]]]]]]]",['.repeat(70)}1${"]".repeat(70)}]`, 64)).toBe(true);
  });

  it("the JSON API answers 400 to deeply nested bodies, arrays, objects or mixed", async () => {
    const path = `/api/v1/tenants/${w.tenant}/projects`;
    for (const body of [
      nested(100_000),
      nestedObject(5_000),
      `{"name":"x","extra":${nested(200)}}`,
      `{"name":"x","extra":${nested(100, '{"\\u005b":[', "]}")}}`,
    ]) {
      const res = await raw(path, body);
      expect(res.status, body.slice(0, 40)).toBe(400);
      expect(res.type).toBe("application/problem+json");
      expect(res.body?.code).toBe("MALFORMED");
    }
    // A shallow body with brackets in its strings is an ordinary request.
    expect((await raw(path, JSON.stringify({ name: "ok-name", description: "[[[[{{{{".repeat(50) }))).status).not.toBe(
      400,
    );
  });

  it("OTLP/JSON nested past the limit answers 400, not 503, in every nesting shape", async () => {
    // Built as text: the nesting is deeper than JSON.stringify itself could walk.
    const kvlist = (depth: number) =>
      '{"kvlistValue":{"values":[{"key":"k","value":'.repeat(depth) + '{"stringValue":"x"}' + "}]}}".repeat(depth);
    const array = (depth: number) =>
      '{"arrayValue":{"values":['.repeat(depth) + '{"intValue":"1"}' + "]}}".repeat(depth);
    const withAttr = (value: string) => {
      const body = otlpTraces({ "service.name": "deep" }, [
        { traceId: traceId(), spanId: spanId(), name: "n", startMs: NOW, durationMs: 1 },
      ]);
      (body.resourceSpans[0].scopeSpans[0].spans[0] as { attributes: unknown[] }).attributes.push({
        key: "deep",
        value: "__DEEP__",
      });
      return Buffer.from(JSON.stringify(body).replace('"__DEEP__"', value));
    };
    for (const value of [kvlist(20_000), array(50_000), kvlist(40), array(40), kvlist(17)]) {
      const res = await postOtlp(server.origin, "traces", w.tokens.a, null, { raw: withAttr(value) });
      expect(res.status, value.slice(0, 30)).toBe(400);
      expect(res.body).toMatchObject({ code: 3 });
    }
    expect(
      (
        await postOtlp(server.origin, "logs", w.tokens.a, null, {
          raw: Buffer.from(`{"resourceLogs":[${nested(50_000)}]}`),
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await postOtlp(server.origin, "metrics", w.tokens.a, null, {
          raw: Buffer.from(`{"resourceMetrics":${nestedObject(10_000)}}`),
        })
      ).status,
    ).toBe(400);
    // Ordinary nesting is accepted.
    expect((await postOtlp(server.origin, "traces", w.tokens.a, null, { raw: withAttr(kvlist(4)) })).status).toBe(200);
  });

  it("OTLP/protobuf attribute values nested past the limit answer 400", async () => {
    const kvlist = (depth: number): unknown =>
      depth === 0 ? { stringValue: "x" } : { kvlistValue: { values: [{ key: "k", value: kvlist(depth - 1) }] } };
    const array = (depth: number): unknown =>
      depth === 0 ? { boolValue: true } : { arrayValue: { values: [array(depth - 1)] } };
    for (const value of [kvlist(30), array(30)]) {
      const message = {
        resourceSpans: [
          {
            resource: { attributes: [{ key: "service.name", value: { stringValue: "deep" } }] },
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: Buffer.from(traceId(), "hex"),
                    spanId: Buffer.from(spanId(), "hex"),
                    name: "n",
                    startTimeUnixNano: NOW * 1e6,
                    endTimeUnixNano: NOW * 1e6 + 1e6,
                    attributes: [{ key: "deep", value }],
                  },
                ],
              },
            ],
          },
        ],
      };
      const body = Buffer.from(OtlpTypes.traceRequest.encode(OtlpTypes.traceRequest.fromObject(message)).finish());
      expect(
        (
          await postOtlp(server.origin, "traces", w.tokens.a, null, {
            raw: body,
            contentType: "application/x-protobuf",
          })
        ).status,
      ).toBe(400);
    }
  });

  it("a body that does not arrive in time answers 408 on the JSON API, Nacos and OTLP", async () => {
    configureBodyReads({ timeoutMs: 300 });
    const cases = [
      slowRequest(server.origin, `/api/v1/tenants/${w.tenant}/projects`, {
        headers: { "content-type": "application/json", authorization: `Bearer ${w.root}` },
        first: '{"name":',
        declaredLength: 100,
      }),
      slowRequest(server.origin, `/api/v1/tenants/${w.tenant}/projects`, {
        headers: { "content-type": "application/json", authorization: `Bearer ${w.root}` },
        first: "{",
        trickleMs: 50,
      }),
      slowRequest(nacosServer.origin, "/nacos/v1/cs/configs/listener", {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        first: "username=",
        declaredLength: 5000,
      }),
      slowRequest(nacosServer.origin, "/nacos/v1/cs/configs", {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        first: "dataId=a",
        trickleMs: 40,
      }),
      slowRequest(server.origin, "/api/otlp/v1/traces", {
        headers: { "content-type": "application/json", authorization: `Bearer ${w.tokens.a}` },
        first: '{"resourceSpans":[',
        declaredLength: 10_000,
      }),
      slowRequest(server.origin, "/api/otlp/v1/logs", {
        headers: { "content-type": "application/x-protobuf", authorization: `Bearer ${w.tokens.b}` },
        first: Buffer.from([0x0a]),
        trickleMs: 30,
      }),
    ];
    const replies = await Promise.all(
      cases.map((c) =>
        Promise.race([c.reply, new Promise<{ status: number }>((r) => setTimeout(() => r({ status: -1 }), 8_000))]),
      ),
    );
    cases.forEach((c) => c.abort());
    expect(replies.map((r) => r.status)).toEqual([408, 408, 408, 408, 408, 408]);
    expect(JSON.parse((replies[0] as { text: string }).text)).toMatchObject({ status: 408, code: "REQUEST_TIMEOUT" });
  });

  it("a body too large answers 413 whether declared or streamed without a length", async () => {
    const big = "x".repeat(1024 * 1024 + 10);
    const chunked = (origin: string, path: string, headers: Record<string, string>) => {
      const req = slowRequest(origin, path, { headers, first: big });
      req.finish();
      return req.reply;
    };
    expect(
      (
        await chunked(server.origin, `/api/v1/tenants/${w.tenant}/projects`, {
          "content-type": "application/json",
          authorization: `Bearer ${w.root}`,
        })
      ).status,
    ).toBe(413);
    expect(
      (
        await chunked(nacosServer.origin, "/nacos/v1/cs/configs/listener", {
          "content-type": "application/x-www-form-urlencoded",
        })
      ).status,
    ).toBe(413);
    // Declared too large: refused before a byte of it is read (on its own connection, as the
    // refused upload leaves it unusable for the next request).
    const declared = slowRequest(server.origin, `/api/v1/tenants/${w.tenant}/projects`, {
      headers: { "content-type": "application/json", authorization: `Bearer ${w.root}` },
      first: "{",
      declaredLength: big.length,
    });
    expect((await declared.reply).status).toBe(413);
    declared.abort();
    configureReceiver({ maxBodyBytes: 64 * 1024 });
    try {
      expect(
        (
          await chunked(server.origin, "/api/otlp/v1/traces", {
            "content-type": "application/json",
            authorization: `Bearer ${w.tokens.a}`,
          })
        ).status,
      ).toBe(413);
    } finally {
      configureReceiver({ maxBodyBytes: 8 * 1024 * 1024 });
    }
  });

  it("one token's uploads cannot fill the receiver: its excess answers 429 with Retry-After, other tokens go on", async () => {
    configureReceiver({ maxInflightPerToken: 2, maxInflight: 16 });
    const body = JSON.stringify(
      otlpTraces({ "service.name": "per-token" }, [
        { traceId: traceId(), spanId: spanId(), name: "n", startMs: NOW, durationMs: 1 },
      ]),
    );
    const held = [0, 1].map(() =>
      slowRequest(server.origin, "/api/otlp/v1/traces", {
        headers: { "content-type": "application/json", authorization: `Bearer ${w.tokens.a}` },
        first: body.slice(0, 10),
        declaredLength: Buffer.byteLength(body),
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    try {
      for (const signal of ["traces", "logs", "metrics"] as const) {
        const refused = await postOtlp(server.origin, signal, w.tokens.a, {});
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(refused.body).toMatchObject({ code: 8 });
      }
      const proto = await postOtlp(server.origin, "traces", w.tokens.a, null, {
        raw: Buffer.alloc(0),
        contentType: "application/x-protobuf",
      });
      expect(proto.status).toBe(429);
      expect((await postOtlp(server.origin, "traces", w.tokens.b, JSON.parse(body))).status).toBe(200);
      expect((await postOtlp(server.origin, "traces", w.tokens.cluster, {})).status).toBe(200);
    } finally {
      held.forEach((h) => h.finish(body.slice(10)));
    }
    expect((await Promise.all(held.map((h) => h.reply))).map((r) => r.status)).toEqual([200, 200]);
    // The slots are given back.
    expect((await postOtlp(server.origin, "traces", w.tokens.a, {})).status).toBe(200);
  });

  describe("Nacos listeners", () => {
    const probe = (records: [string, string, string?][], group = key.group) =>
      records
        .map(([dataId, md5, tenant]) => `${dataId}\u0002${group}\u0002${md5}\u0002${tenant ?? key.namespace}\u0001`)
        .join("");
    const listen = (
      listening: string,
      timeout = "0",
      extra: Record<string, string> = {},
      auth: Record<string, string> = { username: key.username, password: key.password },
    ) =>
      nacos(
        nacosServer.origin,
        "POST",
        "/v1/cs/configs/listener",
        { "Listening-Configs": listening, ...auth },
        { "Long-Pulling-Timeout": timeout, "Long-Pulling-Timeout-No-Hangup": "true", ...extra },
      );

    it("take up to 3,000 keys; more answers 400", async () => {
      const keys = (n: number) => Array.from({ length: n }, (_, i) => [`k${i}.yaml`, ""] as [string, string]);
      expect((await listen(probe(keys(3000)))).status).toBe(200);
      for (const n of [3001, 5000, 10_000]) {
        const res = await listen(probe(keys(n)));
        expect(res.status, String(n)).toBe(400);
        expect(res.text).toMatch(/3000 keys/);
      }
      // Percent-encoded twice, the count is the same.
      expect((await listen(encodeURIComponent(probe(keys(3001))))).status).toBe(400);
    });

    it("take an md5 of exactly 32 hex digits or none; anything else answers 400", async () => {
      const real = md5Hex("a: 1\n");
      for (const md5 of [real, real.toUpperCase(), ""])
        expect((await listen(probe([["a.yaml", md5]]))).status, md5).toBe(200);
      const bad = [
        real.slice(1),
        `${real}0`,
        "z".repeat(32),
        `${real.slice(0, 31)} `,
        ` ${real.slice(1)}`,
        "x".repeat(100_000),
        "' OR 1=1 -- ".padEnd(32, "a"),
        "\uff10".repeat(32),
        "0x" + real.slice(2),
        "٠".repeat(32),
        `${real.slice(0, 30)}%0`,
      ];
      for (const md5 of bad)
        expect((await listen(probe([["a.yaml", md5]]))).status, JSON.stringify(md5.slice(0, 40))).toBe(400);
      // One bad record among good ones spoils the request.
      expect(
        (
          await listen(
            probe([
              ["a.yaml", real],
              ["b.yaml", "nothex"],
              ["c.yaml", ""],
            ]),
          )
        ).status,
      ).toBe(400);
    });

    it("hold a bounded number of requests per credential: the excess answers 429 with Retry-After", async () => {
      const hub = listenerHub();
      const saved = { ...hub.limits };
      hub.limits.waitersPerPrincipal = 3;
      const other = await createConfigKey(cw, "dev", "read-only");
      const held: Promise<unknown>[] = [];
      const aborts: AbortController[] = [];
      const hold = (k: ConfigKey, appName: string) => {
        const abort = new AbortController();
        aborts.push(abort);
        const url = new URL(`${nacosServer.origin}/nacos/v1/cs/configs/listener`);
        const body = new URLSearchParams({
          "Listening-Configs": `held.yaml\u0002${k.group}\u0002\u0002${k.namespace}\u0001`,
          username: k.username,
          password: k.password,
        }).toString();
        held.push(
          fetch(url, {
            method: "POST",
            body,
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              "Long-Pulling-Timeout": "30000",
              "Client-AppName": appName,
            },
            signal: abort.signal,
          }).catch(() => null),
        );
      };
      try {
        // Different client names and addresses do not make a credential several.
        for (const name of ["a", "b", "c"]) hold(key, name);
        const waitHeld = async (n: number) => {
          for (let i = 0; i < 100 && hub.waiterCount < n; i++) await new Promise((r) => setTimeout(r, 20));
          expect(hub.waiterCount).toBeGreaterThanOrEqual(n);
        };
        await waitHeld(3);
        for (const name of ["d", "%E2%80%AE", "x".repeat(5000)]) {
          const res = await listen(probe([["held.yaml", ""]]), "30000", {
            "Client-AppName": name,
            "Long-Pulling-Timeout-No-Hangup": "false",
          });
          expect(res.status).toBe(429);
          expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        }
        hold(other, "a");
        await waitHeld(4);
      } finally {
        aborts.forEach((a) => a.abort());
        await Promise.all(held);
        Object.assign(hub.limits, saved);
      }
    });

    it("refuse a request naming more namespace and group pairs than a client uses", async () => {
      const records = Array.from({ length: 65 }, (_, i) => `a.yaml\u0002g${i}\u0002\u0002${key.namespace}\u0001`).join(
        "",
      );
      expect((await listen(records)).status).toBe(400);
    });
  });
});

describe("the listener hub's limits", () => {
  const k = (dataId: string, environmentId = 1): WatchedKey => ({
    environmentId,
    dataId,
    group: "dev",
    tenant: "ns",
    md5: "",
  });
  const client = (id: string) => ({ ip: "10.0.0.1", clientId: id });
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      if (error instanceof ListenerLimit) return error.status;
      throw error;
    }
    return null;
  };

  it("bounds held requests per key, per principal, keys per principal and in total", () => {
    const hub = new ListenerHub(Date.now, {
      waiters: 10,
      waitersPerKey: 3,
      waitersPerPrincipal: 4,
      keysPerPrincipal: 6,
      keys: 14,
    });
    for (const p of ["p1", "p2", "p3"]) hub.register([k("hot")], client(p), p);
    expect(refusal(() => hub.register([k("hot")], client("p4"), "p4"))).toBe(429); // per key
    expect(refusal(() => hub.register([k("cold"), k("hot")], client("p4"), "p4"))).toBe(429);
    expect(refusal(() => hub.register([k("hot", 2)], client("p4"), "p4"))).toBeNull(); // another environment's key
    for (let i = 0; i < 3; i++) hub.register([k(`q${i}`)], client(`p1-${i}`), "p1");
    expect(refusal(() => hub.register([k("q9")], client("p1-new"), "p1"))).toBe(429); // per principal
    expect(
      refusal(() => hub.register([k("a"), k("b"), k("c"), k("d"), k("e"), k("f"), k("g")], client("p5"), "p5")),
    ).toBe(429); // keys per principal
    // Duplicated keys in one request count once.
    hub.register([k("a"), k("b"), k("c"), k("a"), k("b")], client("p6"), "p6");
    expect(refusal(() => hub.register([k("v"), k("w"), k("x"), k("y"), k("z")], client("p7"), "p7"))).toBe(503); // keys in total
    expect(refusal(() => hub.register([k("v"), k("w"), k("x"), k("y")], client("p7"), "p7"))).toBeNull();
    expect(hub.waiterCount).toBe(9);
    expect(refusal(() => hub.register([k("lone")], client("p8"), "p8"))).toBe(503); // the hub is full
  });

  it("gives slots back when requests finish, and keeps what it remembers of clients bounded", async () => {
    const hub = new ListenerHub(Date.now, { waitersPerPrincipal: 1, clientsPerKey: 5, clients: 50 });
    const r = hub.register([k("a"), k("a"), k("a")], client("c"), "p");
    expect(refusal(() => hub.register([k("a")], client("c"), "p"))).toBe(429);
    r.finish([]);
    await expect(hub.register([k("a")], client("c"), "p").wait(1)).resolves.toEqual([]);
    // A thousand made-up client names on one key, then on many keys.
    for (let i = 0; i < 1000; i++) hub.register([k("a")], client(`spoof-${i}`), `p${i}`).finish([]);
    expect(hub.clientsOf(1, "a")).toHaveLength(5);
    expect(hub.clientsOf(1, "a").at(-1)?.clientId).toBe("spoof-999");
    for (let i = 0; i < 1000; i++) hub.register([k(`key-${i}`)], client(`spoof-${i}`), `q${i}`).finish([]);
    let remembered = 0;
    for (let i = 0; i < 1000; i++) remembered += hub.clientsOf(1, `key-${i}`).length;
    expect(remembered + hub.clientsOf(1, "a").length).toBeLessThanOrEqual(50);
    expect(hub.clientsOf(1, "key-999")).toHaveLength(1);
    expect(hub.waiterCount).toBe(0);
  });

  it("defaults hold what a Nacos client sends and no more", () => {
    expect(DEFAULT_HUB_LIMITS.keysPerPrincipal).toBeGreaterThanOrEqual(3000);
    expect(DEFAULT_HUB_LIMITS.keys).toBeLessThanOrEqual(300_000);
  });
});
