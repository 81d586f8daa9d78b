// OTLP ingest bench: sustained spans/s and log records/s committed (2xx only after COMMIT),
// posting protobuf exports (what SDKs send by default) to Facet's OTLP/HTTP receiver served over
// loopback, with a throwaway database. Run: npm run bench:otlp-ingest
// Env: BENCH_SECONDS (20 per signal), BENCH_CONCURRENCY (4), BENCH_SPANS_PER_EXPORT (2000),
// BENCH_LOGS_PER_EXPORT (4000).
import { randomBytes } from "node:crypto";
import { fmt, onThrowawayDatabase } from "./telemetry-common";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const SPANS_PER_EXPORT = Number(process.env.BENCH_SPANS_PER_EXPORT ?? 2000);
const LOGS_PER_EXPORT = Number(process.env.BENCH_LOGS_PER_EXPORT ?? 4000);


const SERVICES = ["gateway", "cart", "checkout", "payment", "catalog", "search", "users", "shipping", "email", "recommend"];
const ROUTES = ["/", "/cart", "/checkout", "/pay", "/items/{id}", "/search", "/login", "/ship", "/mail", "/recs"];
const kv = (key: string, value: string | number) => ({ key, value: typeof value === "number" ? { intValue: value } : { stringValue: value } });
const resource = (i: number) => ({
  attributes: [kv("service.name", SERVICES[i % SERVICES.length]), kv("k8s.namespace.name", `bench-ns-${i % 4}`), kv("k8s.pod.name", `${SERVICES[i % SERVICES.length]}-${i % 3}`), kv("telemetry.sdk.language", "nodejs")],
});

function spansExport(types: typeof import("../lib/telemetry/otlp/schema").OtlpTypes, n: number, at: number): Buffer {
  const groups = Array.from({ length: 10 }, (_, r) => ({ resource: resource(r), scopeSpans: [{ scope: { name: "bench" }, spans: [] as object[] }] }));
  let traceId = randomBytes(16);
  let root = randomBytes(8);
  for (let i = 0; i < n; i++) {
    if (i % 5 === 0) {
      traceId = randomBytes(16);
      root = randomBytes(8);
    }
    const start = at + i;
    const r = i % 10;
    groups[r].scopeSpans[0].spans.push({
      traceId,
      spanId: i % 5 === 0 ? root : randomBytes(8),
      parentSpanId: i % 5 === 0 ? undefined : root,
      name: `GET ${ROUTES[r]}`,
      kind: i % 5 === 0 ? 2 : 3,
      startTimeUnixNano: `${start}000000`,
      endTimeUnixNano: `${start + 1 + (i % 250)}000000`,
      attributes: [kv("http.route", ROUTES[r]), kv("http.request.method", "GET"), kv("http.response.status_code", i % 50 === 0 ? 500 : 200), kv("user.id", `user-${i % 5000}`), kv("order.id", `o-${i}`)],
      status: { code: i % 50 === 0 ? 2 : 0 },
    });
  }
  return Buffer.from(types.traceRequest.encode(types.traceRequest.fromObject({ resourceSpans: groups })).finish());
}

function logsExport(types: typeof import("../lib/telemetry/otlp/schema").OtlpTypes, n: number, at: number): Buffer {
  const groups = Array.from({ length: 10 }, (_, r) => ({ resource: resource(r), scopeLogs: [{ scope: { name: "bench" }, logRecords: [] as object[] }] }));
  for (let i = 0; i < n; i++) {
    groups[i % 10].scopeLogs[0].logRecords.push({
      timeUnixNano: `${at + i}000000`,
      severityNumber: i % 20 === 0 ? 17 : 9,
      severityText: i % 20 === 0 ? "ERROR" : "INFO",
      body: { stringValue: `handled request ${i} for user-${i % 5000} in ${i % 250} ms` },
      attributes: [kv("http.route", ROUTES[i % 10]), kv("thread", "main")],
      traceId: i % 2 ? randomBytes(16) : undefined,
      spanId: i % 2 ? randomBytes(8) : undefined,
    });
  }
  return Buffer.from(types.logsRequest.encode(types.logsRequest.fromObject({ resourceLogs: groups })).finish());
}

async function run() {
  const { getPool, closeDb } = await import("../lib/db/client");
  const { hashIngestToken } = await import("../lib/telemetry/ingest/token-auth");
  const { OtlpTypes } = await import("../lib/telemetry/otlp/schema");
  const { drainQueues } = await import("../lib/telemetry/store/queues");
  const { startRouteServer } = await import("../lib/testing/route-server");

  const token = `fit_${randomBytes(32).toString("base64url")}`;
  await getPool().query("INSERT INTO ingest_tokens (name, token_hash, prefix, cluster_id, created_by) SELECT 'bench', ?, 'fit_bench', id, 'bench' FROM clusters WHERE name = 'sandbox'", [hashIngestToken(token)]);
  const server = await startRouteServer();

  async function load(signal: "traces" | "logs", perExport: number, make: (at: number) => Buffer, table: string): Promise<void> {
    // Bodies are encoded before the clock starts, so the client costs only the POST.
    const needed = Math.ceil((SECONDS * 60_000) / perExport) + CONCURRENCY;
    const base = Date.now() - 3600_000;
    process.stdout.write(`encoding ${needed} ${signal} exports of ${perExport}… `);
    const bodies = Array.from({ length: needed }, (_, i) => make(base + i * perExport));
    console.log(`${fmt(bodies.reduce((a, b) => a + b.length, 0) / 1024 / 1024)} MiB`);
    let next = 0;
    let committed = 0;
    let refused = 0;
    let resets = 0;
    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < deadline && next < bodies.length) {
          const body = bodies[next++];
          for (;;) {
            const res = await fetch(`${server.origin}/api/otlp/v1/${signal}`, { method: "POST", headers: { "content-type": "application/x-protobuf", authorization: `Bearer ${token}` }, body: new Uint8Array(body) }).catch(() => null);
            // A dropped connection is retried, as an SDK would; spans are idempotent (same key).
            if (!res) {
              resets++;
              continue;
            }
            await res.arrayBuffer();
            if (res.status === 200) break;
            if (res.status !== 429 && res.status !== 503) throw new Error(`${signal} export answered ${res.status}`);
            refused++;
            await new Promise((r) => setTimeout(r, 50));
          }
          committed += perExport;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await drainQueues();
    const [[row]] = (await getPool().query("SELECT COUNT(*) n FROM ??", [table])) as unknown as [[{ n: number }]];
    if (Number(row.n) < committed || (!resets && Number(row.n) !== committed)) throw new Error(`${table} holds ${row.n} rows but ${committed} were acknowledged`);
    const unit = signal === "traces" ? "spans" : "log records";
    console.log(`${signal}: ${fmt(committed / seconds, 0)} ${unit}/s sustained and committed (${committed} in ${fmt(seconds)} s, ${refused} answers 429/503 and ${resets} dropped connections retried; table count checked)`);
  }

  await load("traces", SPANS_PER_EXPORT, (at) => spansExport(OtlpTypes, SPANS_PER_EXPORT, at), "telemetry_spans");
  await load("logs", LOGS_PER_EXPORT, (at) => logsExport(OtlpTypes, LOGS_PER_EXPORT, at), "telemetry_logs");
  await server.close();
  await closeDb();
}

await onThrowawayDatabase("bench_ingest", `${CONCURRENCY} concurrent exports, ${SECONDS} s per signal`, run);
