import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildConfigWorld, createConfigKey, nacos, type ConfigKey, type ConfigWorld } from "@/lib/testing/config-world";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { otlpGauge, otlpLogs, otlpTraces, postOtlp, spanId, traceId } from "@/lib/testing/telemetry-world";
import { api, expectOk } from "@/lib/testing/world";

// Random query keys and values (quotes, backticks, unicode, comment markers, very long strings,
// numbers out of range) through every telemetry, audit and config search route: never a 500,
// never SQL error text, never slower than 2 s. A fixed seed keeps runs repeatable.

const SEED = 20_261_207;
const RUNS = Number(process.env.FACET_FUZZ_RUNS ?? 25);
const SQL_ERROR =
  /ER_[A-Z_]{3,}|SQL syntax|sqlMessage|sqlState|mysql|mariadb|JSON_EXTRACT|Unknown column|Incorrect (?:integer|datetime)/i;

const SHARDS = [
  "'",
  '"',
  "`",
  "\\",
  "--",
  "#",
  "/*",
  "*/",
  ";",
  "%",
  "_",
  "$.",
  "$[0]",
  "\u0000",
  "\u202e",
  "\ud83d\ude00",
  "\uff07",
  "ʼ",
  "OR 1=1",
  "SLEEP(3)",
  "LOAD_FILE('/etc/passwd')",
  "UNION SELECT",
  "..",
  "%00",
  "\n",
  "\r\n",
  "${x}",
  "{{x}}",
  "<script>",
];
const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.array(fc.constantFrom(...SHARDS), { minLength: 1, maxLength: 6 }).map((a) => a.join("")),
  fc
    .tuple(fc.constantFrom(...SHARDS), fc.integer({ min: 1000, max: 20_000 }))
    .map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n)),
);
const numberish = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom(
    "1e30",
    "-1",
    "0",
    "0.0001",
    "NaN",
    "Infinity",
    "9".repeat(40),
    "0x10",
    "1s",
    "5m",
    "-5m",
    "1e3ms",
    "2026-12-07",
    "2026-13-45T99:99:99Z",
    "",
  ),
);

function query(keys: string[], prefixes: string[]) {
  const key = fc.oneof(
    fc.constantFrom(...keys, "q"),
    fc.tuple(fc.constantFrom(...prefixes), hostileText).map(([p, s]) => p + s),
    hostileText,
  );
  return fc.dictionary(key, fc.oneof(hostileText, numberish), { maxKeys: 6 });
}

describe("fuzzing the search routes", () => {
  let w: ConfigWorld;
  let key: ConfigKey;
  let nacosServer: RouteServer;
  let otlp: RouteServer;
  const now = Date.now();
  const trace = traceId();

  beforeAll(async () => {
    w = await buildConfigWorld("fuzz");
    key = await createConfigKey(w, "dev", "read-only");
    nacosServer = await startRouteServer("app/nacos");
    otlp = await startRouteServer();
    await expectOk(
      api("PUT", `${w.env("dev")}/configs/order.yaml`, { token: w.root, body: { content: "a: 1\n", type: "yaml" } }),
    );
    await expectOk(
      api("PUT", `${w.env("dev")}/configs/order.yaml`, { token: w.root, body: { content: "a: 2\n", type: "yaml" } }),
    );
    const token = (
      await expectOk<{ token: string }>(
        api("POST", `${w.env("dev")}/ingest-tokens`, { token: w.root, body: { name: "fuzz" } }),
        201,
      )
    ).token;
    await postOtlp(
      otlp.origin,
      "traces",
      token,
      otlpTraces({ "service.name": "shop" }, [
        {
          traceId: trace,
          spanId: spanId(),
          name: "GET /cart",
          startMs: now - 5000,
          durationMs: 12,
          attributes: { "user.id": "u1" },
        },
      ]),
    );
    await postOtlp(
      otlp.origin,
      "logs",
      token,
      otlpLogs({ "service.name": "shop" }, [{ timeMs: now - 4000, body: "cart ok", traceId: trace }]),
    );
    await postOtlp(
      otlp.origin,
      "metrics",
      token,
      otlpGauge({ "service.name": "shop" }, "shop_queue", now - 120_000, [1, 2], { region: "eu" }),
    );
  });
  afterAll(async () => {
    await nacosServer?.close();
    await otlp?.close();
  });

  const WINDOW = ["start", "end", "step", "limit", "cursor"];
  const routes = (): { name: string; path: string; keys: string[]; prefixes?: string[] }[] => {
    const env = w.env("dev");
    return [
      {
        name: "traces",
        path: `${env}/traces`,
        keys: [...WINDOW, "service", "operation", "minDuration", "maxDuration", "status", "q"],
        prefixes: ["attr."],
      },
      { name: "trace", path: `${env}/traces/${trace}`, keys: ["spanId"] },
      { name: "logs", path: `${env}/logs`, keys: [...WINDOW, "service", "pod", "severity", "q", "traceId", "spanId"] },
      { name: "metrics", path: `${env}/metrics`, keys: [...WINDOW, "metric", "agg", "by"], prefixes: ["match."] },
      { name: "metric names", path: `${env}/metrics/names`, keys: ["q"] },
      { name: "metric labels", path: `${env}/metrics/labels`, keys: ["metric"] },
      { name: "apm", path: `${env}/apm/services`, keys: [...WINDOW, "series"] },
      { name: "apm operations", path: `${env}/apm/services/shop/operations`, keys: [...WINDOW, "series"] },
      { name: "trace by id", path: `/api/v1/traces/${trace}`, keys: ["spanId"] },
      { name: "trace logs", path: `/api/v1/traces/${trace}/logs`, keys: ["spanId", "limit"] },
      {
        name: "system traces",
        path: "/api/v1/system/traces",
        keys: [...WINDOW, "service", "operation", "status"],
        prefixes: ["attr."],
      },
      { name: "system logs", path: "/api/v1/system/logs", keys: [...WINDOW, "service", "severity", "q"] },
      { name: "system apm", path: "/api/v1/system/apm/services", keys: [...WINDOW, "series"] },
      { name: "audit", path: "/api/v1/audit", keys: ["tenant", "actor", "action", "from", "to", "limit", "cursor"] },
      { name: "configs", path: `${env}/configs`, keys: ["q", "limit", "cursor", "type", "appName", "tag"] },
      { name: "config history", path: `${env}/configs/order.yaml/history`, keys: ["limit", "cursor"] },
      { name: "config listeners", path: `${env}/configs/order.yaml/listeners`, keys: [] },
      { name: "tenants", path: "/api/v1/tenants", keys: ["q", "limit", "cursor"] },
      { name: "users", path: "/api/v1/users", keys: ["q", "limit", "cursor"] },
    ];
  };

  const judge = (label: string, status: number, text: string, ms: number) => {
    expect(status, `${label} → ${status} ${text.slice(0, 300)}`).toBeLessThan(500);
    // Driver errors leak through error answers; a 2xx body is data, and the audit log or a config
    // may rightly hold the word "mysql" that another test wrote.
    if (status >= 300) expect(text, label).not.toMatch(SQL_ERROR);
    expect(ms, label).toBeLessThan(2000);
  };

  it(
    "JSON API search routes answer every query without a 500, SQL text or a stall",
    { timeout: 60_000 + RUNS * 3_000 },
    async () => {
      for (const route of routes()) {
        await fc.assert(
          fc.asyncProperty(query(route.keys, route.prefixes ?? ["x."]), fc.boolean(), async (params, asReader) => {
            const qs = new URLSearchParams(params).toString();
            const path = `${route.path}${qs ? `?${qs}` : ""}`;
            const started = performance.now();
            const res = await api("GET", path, { token: asReader ? w.reader.token : w.root });
            judge(
              `${route.name}: GET ${path.slice(0, 500)}`,
              res.status,
              JSON.stringify(res.body ?? null),
              performance.now() - started,
            );
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
      }
    },
  );

  it(
    "the Nacos config search answers every query without a 500, SQL text or a stall",
    { timeout: 60_000 + RUNS * 1_000 },
    async () => {
      const keys = [
        "search",
        "dataId",
        "group",
        "tenant",
        "appName",
        "config_tags",
        "pageNo",
        "pageSize",
        "show",
        "username",
        "password",
        "accessToken",
      ];
      await fc.assert(
        fc.asyncProperty(query(keys, ["x"]), async (params) => {
          const started = performance.now();
          const res = await nacos(nacosServer.origin, "GET", "/v1/cs/configs", {
            username: key.username,
            password: key.password,
            tenant: key.namespace,
            search: "blur",
            ...params,
          });
          judge(
            `nacos search ${JSON.stringify(params).slice(0, 500)}`,
            res.status,
            res.text,
            performance.now() - started,
          );
        }),
        { seed: SEED, numRuns: RUNS * 4, endOnFailure: true },
      );
    },
  );
});
