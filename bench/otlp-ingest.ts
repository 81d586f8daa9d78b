// OTLP ingest bench: sustained spans/s and log records/s committed (2xx only after COMMIT),
// posting the same exports as protobuf (what SDKs send by default) and as OTLP/JSON to Facet's
// OTLP/HTTP receiver served over loopback, with a throwaway database. Run: npm run bench:otlp-ingest
// Env: BENCH_SECONDS (20 per signal and encoding), BENCH_CONCURRENCY (4), BENCH_SPANS_PER_EXPORT
// (2000), BENCH_LOGS_PER_EXPORT (4000), BENCH_ENCODINGS (protobuf,json).
import { randomBytes } from "node:crypto";
import { benchIngestToken, fmt, onThrowawayDatabase, sustain } from "./telemetry-common";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const SPANS_PER_EXPORT = Number(process.env.BENCH_SPANS_PER_EXPORT ?? 2000);
const LOGS_PER_EXPORT = Number(process.env.BENCH_LOGS_PER_EXPORT ?? 4000);
const ENCODINGS = (process.env.BENCH_ENCODINGS ?? "protobuf,json").split(",") as Encoding[];

type Encoding = "protobuf" | "json";
type Types = typeof import("../lib/telemetry/otlp/schema").OtlpTypes;
const CONTENT_TYPE: Record<Encoding, string> = { protobuf: "application/x-protobuf", json: "application/json" };
// OTLP/JSON carries ids as hex; protobuf as bytes.
const id = (bytes: number, encoding: Encoding) =>
  encoding === "json" ? randomBytes(bytes).toString("hex") : randomBytes(bytes);

const SERVICES = [
  "gateway",
  "cart",
  "checkout",
  "payment",
  "catalog",
  "search",
  "users",
  "shipping",
  "email",
  "recommend",
];
const ROUTES = ["/", "/cart", "/checkout", "/pay", "/items/{id}", "/search", "/login", "/ship", "/mail", "/recs"];
const kv = (key: string, value: string | number) => ({
  key,
  value: typeof value === "number" ? { intValue: value } : { stringValue: value },
});
const resource = (i: number) => ({
  attributes: [
    kv("service.name", SERVICES[i % SERVICES.length]),
    kv("k8s.namespace.name", `bench-ns-${i % 4}`),
    kv("k8s.pod.name", `${SERVICES[i % SERVICES.length]}-${i % 3}`),
    kv("telemetry.sdk.language", "nodejs"),
  ],
});

function spansExport(types: Types, encoding: Encoding, n: number, at: number): Buffer {
  const groups = Array.from({ length: 10 }, (_, r) => ({
    resource: resource(r),
    scopeSpans: [{ scope: { name: "bench" }, spans: [] as object[] }],
  }));
  let traceId = id(16, encoding);
  let root = id(8, encoding);
  for (let i = 0; i < n; i++) {
    if (i % 5 === 0) {
      traceId = id(16, encoding);
      root = id(8, encoding);
    }
    const start = at + i;
    const r = i % 10;
    groups[r].scopeSpans[0].spans.push({
      traceId,
      spanId: i % 5 === 0 ? root : id(8, encoding),
      parentSpanId: i % 5 === 0 ? undefined : root,
      name: `GET ${ROUTES[r]}`,
      kind: i % 5 === 0 ? 2 : 3,
      startTimeUnixNano: `${start}000000`,
      endTimeUnixNano: `${start + 1 + (i % 250)}000000`,
      attributes: [
        kv("http.route", ROUTES[r]),
        kv("http.request.method", "GET"),
        kv("http.response.status_code", i % 50 === 0 ? 500 : 200),
        kv("user.id", `user-${i % 5000}`),
        kv("order.id", `o-${i}`),
      ],
      status: { code: i % 50 === 0 ? 2 : 0 },
    });
  }
  const request = { resourceSpans: groups };
  return encoding === "json"
    ? Buffer.from(JSON.stringify(request))
    : Buffer.from(types.traceRequest.encode(types.traceRequest.fromObject(request)).finish());
}

function logsExport(types: Types, encoding: Encoding, n: number, at: number): Buffer {
  const groups = Array.from({ length: 10 }, (_, r) => ({
    resource: resource(r),
    scopeLogs: [{ scope: { name: "bench" }, logRecords: [] as object[] }],
  }));
  for (let i = 0; i < n; i++) {
    groups[i % 10].scopeLogs[0].logRecords.push({
      timeUnixNano: `${at + i}000000`,
      severityNumber: i % 20 === 0 ? 17 : 9,
      severityText: i % 20 === 0 ? "ERROR" : "INFO",
      body: { stringValue: `handled request ${i} for user-${i % 5000} in ${i % 250} ms` },
      attributes: [kv("http.route", ROUTES[i % 10]), kv("thread", "main")],
      traceId: i % 2 ? id(16, encoding) : undefined,
      spanId: i % 2 ? id(8, encoding) : undefined,
    });
  }
  const request = { resourceLogs: groups };
  return encoding === "json"
    ? Buffer.from(JSON.stringify(request))
    : Buffer.from(types.logsRequest.encode(types.logsRequest.fromObject(request)).finish());
}

async function run() {
  const { getPool, closeDb } = await import("../lib/db/client");
  const { OtlpTypes } = await import("../lib/telemetry/otlp/schema");
  const { drainQueues } = await import("../lib/telemetry/store/queues");
  const { startRouteServer } = await import("../lib/testing/route-server");

  const token = await benchIngestToken();
  const server = await startRouteServer();

  const results: string[] = [];
  const count = async (table: string) =>
    Number(((await getPool().query("SELECT COUNT(*) n FROM ??", [table])) as unknown as [[{ n: number }]])[0][0].n);
  async function load(
    signal: "traces" | "logs",
    encoding: Encoding,
    perExport: number,
    make: (at: number) => Buffer,
    table: string,
  ): Promise<void> {
    // Bodies are encoded before the clock starts, so the client costs only the POST.
    const needed = Math.ceil((SECONDS * 60_000) / perExport) + CONCURRENCY;
    const base = Date.now() - 3600_000;
    process.stdout.write(`encoding ${needed} ${signal} exports of ${perExport} as ${encoding}… `);
    const bodies = Array.from({ length: needed }, (_, i) => make(base + i * perExport));
    console.log(`${fmt(bodies.reduce((a, b) => a + b.length, 0) / 1024 / 1024)} MiB`);
    // One untimed export per connection first (JIT, pool, buffer pool), so the order the
    // encodings run in does not decide which looks faster.
    const send = (body: Buffer) =>
      fetch(`${server.origin}/api/otlp/v1/${signal}`, {
        method: "POST",
        headers: { "content-type": CONTENT_TYPE[encoding], authorization: `Bearer ${token}` },
        body: new Uint8Array(body),
      });
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, i) => {
        const res = await send(make(base - (i + 1) * perExport));
        await res.arrayBuffer();
      }),
    );
    await drainQueues();
    const before = await count(table);
    // A dropped connection is retried, as an SDK would; spans are idempotent (same key).
    const run = await sustain(bodies, { concurrency: CONCURRENCY, seconds: SECONDS, accepted: 200, send });
    const committed = run.sent * perExport;
    const { seconds, refused, resets } = run;
    await drainQueues();
    const added = (await count(table)) - before;
    if (added < committed || (!resets && added !== committed))
      throw new Error(`${table} gained ${added} rows but ${committed} were acknowledged`);
    const unit = signal === "traces" ? "spans" : "log records";
    const line = `${signal} (${encoding}): ${fmt(committed / seconds, 0)} ${unit}/s sustained and committed`;
    results.push(line);
    console.log(
      `${line} (${committed} in ${fmt(seconds)} s, ${refused} answers 429/503 and ${resets} dropped connections retried; table count checked)`,
    );
  }

  for (const encoding of ENCODINGS) {
    await load(
      "traces",
      encoding,
      SPANS_PER_EXPORT,
      (at) => spansExport(OtlpTypes, encoding, SPANS_PER_EXPORT, at),
      "telemetry_spans",
    );
    await load(
      "logs",
      encoding,
      LOGS_PER_EXPORT,
      (at) => logsExport(OtlpTypes, encoding, LOGS_PER_EXPORT, at),
      "telemetry_logs",
    );
  }
  console.log(`\nsummary\n${results.join("\n")}`);
  await server.close();
  await closeDb();
}

await onThrowawayDatabase("bench_ingest", `${CONCURRENCY} concurrent exports, ${SECONDS} s per signal`, run);
