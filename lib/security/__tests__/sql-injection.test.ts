import type { RowDataPacket } from "mysql2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { isSqlText, joinSql, jsonMemberPath, sqlIdentifier, sqlText, type SqlText } from "@/lib/db/sql-text";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import {
  otlpGauge,
  otlpTraces,
  postOtlp,
  spanId,
  telemetryWorld,
  traceId,
  type TelemetryWorld,
} from "@/lib/testing/telemetry-world";
import { api, expectOk } from "@/lib/testing/world";
import type { MetricQueryResult, TraceSearchResult } from "@/lib/telemetry/schemas";

// Class 1 of the security issue: request text never becomes SQL text. Label and attribute
// names once went into a JSON path inside the SQL; a single quote broke out of it.

const HOSTILE_NAMES = [
  "a'",
  "x') = ? OR 1=1 OR JSON_EXTRACT(labels, '$.x",
  "region' OR SLEEP(1) OR '",
  'a"',
  "a\\",
  "a`b",
  "a -- comment",
  "a/* c */b",
  "a#b",
  "x'||(SELECT LOAD_FILE('/etc/passwd'))||'",
  "\u02bcunicode\u2019quote",
  "\uff07fullwidth",
  "a\u0000nul",
  "$.a",
  "a[0]",
  "a.*",
  "a".repeat(5000),
];

describe("SQL injection through telemetry search keys", () => {
  let server: RouteServer;
  let w: TelemetryWorld;
  const now = Date.now();

  beforeAll(async () => {
    server = await startRouteServer();
    w = await telemetryWorld("sqli");
    const ok = async (token: string, signal: "traces" | "metrics", body: unknown) =>
      expect((await postOtlp(server.origin, signal, token, body)).body).toEqual({});
    await ok(
      w.tokens.a,
      "traces",
      otlpTraces({ "service.name": "shop" }, [
        {
          traceId: traceId(),
          spanId: spanId(),
          name: "GET /cart",
          startMs: now - 2000,
          durationMs: 30,
          attributes: { "cart.id": "c-1", "k8s.pod.name": "shop-1" },
        },
      ]),
    );
    await ok(
      w.tokens.b,
      "traces",
      otlpTraces({ "service.name": "vault" }, [
        {
          traceId: traceId(),
          spanId: spanId(),
          name: "GET /secret",
          startMs: now - 2000,
          durationMs: 30,
          attributes: { "cart.id": "c-1" },
        },
      ]),
    );
    await ok(
      w.tokens.a,
      "metrics",
      otlpGauge({ "service.name": "shop" }, "shop_queue", now - 120_000, [1, 2], { region: "eu" }),
    );
    await ok(
      w.tokens.b,
      "metrics",
      otlpGauge({ "service.name": "vault" }, "shop_queue", now - 120_000, [7, 8], { region: "eu" }),
    );
  });
  afterAll(async () => server?.close());

  const get = <T = unknown>(path: string) => api<T>("GET", path, { token: w.reader.token });
  const window = `start=${now - 600_000}&end=${now + 60_000}`;

  it("answers 422 naming the field for every hostile label and attribute name, fast, with no SQL in the answer", async () => {
    for (const name of HOSTILE_NAMES) {
      for (const path of [
        `${w.env("a")}/metrics?metric=shop_queue&${window}&match.${encodeURIComponent(name)}=eu`,
        `${w.env("a")}/traces?${window}&attr.${encodeURIComponent(name)}=c-1`,
      ]) {
        const started = performance.now();
        const res = await get(path);
        const elapsed = performance.now() - started;
        const text = JSON.stringify(res.body);
        expect(res.status, `${path} → ${text}`).toBe(422);
        expect(text).not.toMatch(/SQL|syntax|ER_|mysql|mariadb|JSON_EXTRACT/i);
        expect(elapsed, path).toBeLessThan(2000);
      }
    }
  });

  it("binds hostile values: they match nothing and never reach another environment", async () => {
    for (const value of ["eu' OR '1'='1", "' OR 1=1 -- ", "eu\\' OR 1 #", 'eu") OR ("1"="1', "%", "_"]) {
      const metrics = await expectOk<MetricQueryResult>(
        get<MetricQueryResult>(
          `${w.env("a")}/metrics?metric=shop_queue&${window}&match.region=${encodeURIComponent(value)}`,
        ),
      );
      expect(metrics.series, value).toEqual([]);
      const traces = await expectOk<TraceSearchResult>(
        get<TraceSearchResult>(`${w.env("a")}/traces?${window}&attr.cart.id=${encodeURIComponent(value)}`),
      );
      expect(traces.traces, value).toEqual([]);
    }
  });

  it("treats names like __proto__ as plain keys", async () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect((await get(`${w.env("a")}/traces?${window}&attr.${name}=x`)).status, name).toBe(200);
      expect((await get(`${w.env("a")}/metrics?metric=shop_queue&${window}&match.${name}=x`)).status, name).toBe(200);
    }
  });

  it("bounds the filters a search may carry: one more than the statement's slots is 422, the limit itself answers", async () => {
    const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `&${prefix}k${i}=v`).join("");
    for (const [path, prefix] of [
      [`${w.env("a")}/metrics?metric=shop_queue&${window}`, "match."],
      [`${w.env("a")}/traces?${window}`, "attr."],
    ] as const) {
      expect((await get(path + many(prefix, 8))).status, `${prefix} × 8`).toBe(200);
      const over = await get(path + many(prefix, 9));
      expect(over.status, `${prefix} × 9`).toBe(422);
      expect(JSON.stringify(over.body)).toMatch(/At most 8/);
    }
    for (const status of ["abc", "2000", "20", "200 OR 1=1", "-1"]) {
      const res = await get(
        `${w.env("a")}/traces?${window}&attr.http.response.status_code=${encodeURIComponent(status)}`,
      );
      expect(res.status, status).toBe(422);
    }
  });

  it("still finds data by dotted attribute and label names, within the environment only", async () => {
    const traces = await expectOk<TraceSearchResult>(
      get<TraceSearchResult>(`${w.env("a")}/traces?${window}&attr.cart.id=c-1&attr.k8s.pod.name=shop-1`),
    );
    expect(traces.traces.map((t) => t.rootService)).toEqual(["shop"]);
    const metrics = await expectOk<MetricQueryResult>(
      get<MetricQueryResult>(`${w.env("a")}/metrics?metric=shop_queue&${window}&match.region=eu`),
    );
    expect(metrics.series.map((s) => s.labels.service)).toEqual(["shop"]);
  });
});

describe("the reviewed SQL helper", () => {
  it("takes only SqlText pieces, never strings", () => {
    const where: SqlText = sqlText`a = ?`;
    expect(sqlText`SELECT 1 FROM t WHERE ${where}`.text).toBe("SELECT 1 FROM t WHERE a = ?");
    const sneak = "1; DROP TABLE users" as unknown as SqlText;
    expect(() => sqlText`SELECT ${sneak}`).toThrow(TypeError);
    expect(() => joinSql([where, sneak], " AND ")).toThrow(TypeError);
    expect(() => joinSql([where], "; DROP" as never)).toThrow(TypeError);
    expect(() => (sqlText as unknown as (s: string[]) => SqlText)(["SELECT 1"])).toThrow(TypeError);
    expect(isSqlText({ text: "SELECT 1" })).toBe(false);
  });

  it("allows identifiers from a fixed list only, and JSON paths only for plain keys", () => {
    expect(sqlIdentifier("service", ["service", "operation"] as const).text).toBe("service");
    expect(() => sqlIdentifier("service`; --" as "service", ["service"])).toThrow();
    expect(() => sqlIdentifier("Service" as "service", ["Service" as "service"])).toThrow();
    expect(jsonMemberPath("http.route")).toBe('$."http.route"');
    for (const bad of HOSTILE_NAMES) expect(jsonMemberPath(bad), bad).toBeNull();
  });
});

describe("the database account the app uses", () => {
  it("has privileges on its own database only: no FILE, SUPER or PROCESS, no other schema", async () => {
    const [grants] = await getPool().query<RowDataPacket[]>("SHOW GRANTS FOR CURRENT_USER()");
    const lines = grants.map((g) => String(Object.values(g)[0]));
    const global = lines.filter((l) => / ON \*\.\* /.test(l));
    expect(
      global.every((l) => /^GRANT USAGE ON \*\.\*/.test(l)),
      lines.join("\n"),
    ).toBe(true);
    const [[{ db }]] = (await getPool().query("SELECT DATABASE() db")) as unknown as [[{ db: string }]];
    // The test run's user also owns the run's second database (`<db>_unit`): same prefix, nothing else.
    const runPrefix = db.replace(/_unit$/, "");
    for (const l of lines.filter((x) => !/ON \*\.\*/.test(x))) {
      // Escaped wildcards (`facet\_t`) cover exactly that name; an unescaped `_` would match any character.
      const granted = /ON `([^`]+)`\.\*/.exec(l)?.[1]?.replace(/\\([_%\\])/g, "$1");
      expect(/(^|[^\\])[_%]/.test(/ON `([^`]+)`/.exec(l)?.[1] ?? ""), `${l}: unescaped wildcard`).toBe(false);
      expect(granted === runPrefix || granted === `${runPrefix}_unit`, l).toBe(true);
    }
    const [[file]] = (await getPool().query("SELECT LOAD_FILE('/etc/passwd') f")) as unknown as [[{ f: unknown }]];
    expect(file.f).toBeNull();
    await expect(getPool().query("SELECT COUNT(*) FROM mysql.user")).rejects.toThrow(/denied/i);
  });
});
