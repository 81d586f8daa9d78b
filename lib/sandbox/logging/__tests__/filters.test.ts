import { describe, expect, it } from "vitest";
import { applyFilters, newFilterState, type LogRecord } from "../filters";
import { selects, type Candidate } from "../match";

// Flow matching and the filter chain, without a cluster.

const candidate = (over: Partial<Candidate> = {}): Candidate => ({
  namespace: "shop",
  pod: "web-1",
  container: "nginx",
  host: "node-1",
  labels: { app: "web", tier: "front" },
  namespaceLabels: {},
  ...over,
});

const record = (message: string, time = 1_000, pod = "web-1"): LogRecord => ({
  time,
  record: { message, kubernetes: { pod_name: pod, container_name: "nginx", namespace_name: "shop" } },
  origin: { namespace: "shop", pod, container: "nginx", host: "node-1", labels: { app: "web" }, application: "web" },
});

const messages = (records: LogRecord[]) => records.map((r) => r.record.message);

describe("match", () => {
  it("takes everything without match, and decides by the first fitting item otherwise", () => {
    expect(selects(undefined, candidate())).toBe(true);
    const match = [
      { exclude: { labels: { tier: "front" }, container_names: ["sidecar"] } },
      { select: { labels: { app: "web" } } },
    ];
    expect(selects(match, candidate())).toBe(true);
    expect(selects(match, candidate({ container: "sidecar" }))).toBe(false);
    expect(selects([{ select: { labels: { app: "api" } } }], candidate())).toBe(false);
    expect(selects([{ select: { hosts: ["node-2"] } }], candidate())).toBe(false);
    expect(selects([{ select: { namespaces_regex: ["sh.p"] } }], candidate())).toBe(true);
    expect(selects([{ select: { namespaces: ["other"] } }], candidate())).toBe(false);
  });
});

describe("filters", () => {
  it("parses JSON (dropping what does not parse unless reserve_data), then greps and modifies records", async () => {
    const input = [record('{"level":"error","path":"/api","status":500}'), record("plain text")];
    const dropped = await applyFilters([{ parser: { parse: { type: "json" } } }], input, newFilterState(), "f");
    expect(dropped.map((r) => r.record)).toEqual([{ level: "error", path: "/api", status: 500 }]);
    const kept = await applyFilters(
      [
        { parser: { reserve_data: true, remove_key_name_field: true, parse: { type: "json" } } },
        {
          grep: {
            regexp: [{ key: "$.kubernetes.pod_name", pattern: "/^web-/" }],
            exclude: [{ key: "path", pattern: "^/health" }],
          },
        },
        {
          record_modifier: {
            records: [{ cluster: "sandbox", pod: '${record["kubernetes"]}' }],
            remove_keys: "kubernetes",
          },
        },
      ],
      input,
      newFilterState(),
      "f",
    );
    expect(kept).toHaveLength(2);
    expect(kept[0].record).toMatchObject({ level: "error", status: 500, cluster: "sandbox" });
    expect(kept[0].record).not.toHaveProperty("message");
    expect(kept[0].record).not.toHaveProperty("kubernetes");
    expect(kept[1].record).toMatchObject({ message: "plain text" });
  });

  it("parses nginx access lines, then locates the client", async () => {
    const line = '81.2.69.142 - - [07/Dec/2026:10:00:01 +0000] "GET /api/items?x=1 HTTP/1.1" 503 612 "-" "curl/8.5.0"';
    const [parsed] = await applyFilters(
      [{ parser: { parse: { type: "nginx" } } }, { geoip: { geoip_lookup_keys: "remote" } }],
      [record(line)],
      newFilterState(),
      "f",
    );
    expect(parsed.record).toMatchObject({
      remote: "81.2.69.142",
      method: "GET",
      path: "/api/items?x=1",
      code: "503",
      size: "612",
      agent: "curl/8.5.0",
      country: "GB",
    });
  });

  it("throttles per group and period, counts with prometheus, and keeps state across ticks", async () => {
    const state = newFilterState();
    const filters = [
      { throttle: { group_key: "kubernetes.pod_name", group_bucket_limit: 3, group_bucket_period_s: 10 } },
      {
        prometheus: {
          metrics: [{ name: "lines", type: "counter", desc: "lines", labels: { pod: "$.kubernetes.pod_name" } }],
        },
      },
    ];
    const tick = (t: number) =>
      [0, 1, 2, 3, 4].flatMap((i) => [record(`a${i}`, t + i), record(`b${i}`, t + i, "web-2")]);
    expect(messages(await applyFilters(filters, tick(1_000), state, "f"))).toEqual([
      "a0",
      "b0",
      "a1",
      "b1",
      "a2",
      "b2",
    ]);
    expect(await applyFilters(filters, tick(2_000), state, "f")).toEqual([]);
    expect(messages(await applyFilters(filters, tick(11_000), state, "f"))).toHaveLength(6);
    expect([...state.counters.values()].map((c) => [c.labels.pod, c.value])).toEqual([
      ["web-1", 6],
      ["web-2", 6],
    ]);
  });

  it("joins a multi-line stack trace into one record and looks up GeoIP offline", async () => {
    const lines = [
      "GET / 200",
      "java.lang.IllegalStateException: boom",
      "\tat a.B.c(B.java:1)",
      "\tat a.B.d(B.java:2)",
      "GET / 404",
    ];
    const joined = await applyFilters(
      [{ detectExceptions: {} }],
      lines.map((l) => record(l)),
      newFilterState(),
      "f",
    );
    expect(messages(joined)).toEqual([
      "GET / 200",
      "java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)",
      "GET / 404",
    ]);
    const located = await applyFilters(
      [{ geoip: { geoip_lookup_keys: "client" } }],
      [
        { ...record("x"), record: { client: "8.8.8.8" } },
        { ...record("y"), record: { client: "10.0.0.1" } },
      ],
      newFilterState(),
      "f",
    );
    expect(located[0].record.country).toBe("US");
    expect(located[1].record).toEqual({ client: "10.0.0.1" });
  });
});
