// Loki push bench: sustained log lines/s committed through POST /loki/api/v1/push (204 only
// after COMMIT), as Promtail and the Logging Operator send them (snappy protobuf, Basic auth with
// a cluster ingest token, streams per pod) and as JSON, over loopback, on a throwaway database.
// Run: npm run bench:loki-push
// Env: BENCH_SECONDS (20 per encoding), BENCH_CONCURRENCY (4), BENCH_LINES_PER_PUSH (4000),
// BENCH_ENCODINGS (protobuf,json).
import snappy from "snappyjs";
import { benchIngestToken, fmt, onThrowawayDatabase, sustain } from "./telemetry-common";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const LINES_PER_PUSH = Number(process.env.BENCH_LINES_PER_PUSH ?? 4000);
const ENCODINGS = (process.env.BENCH_ENCODINGS ?? "protobuf,json").split(",") as Encoding[];
const STREAMS = 20;

type Encoding = "protobuf" | "json";
const PATHS = ["/", "/cart", "/checkout", "/api/items", "/api/orders", "/healthz", "/static/app.js"];
const STATUS = [200, 200, 200, 201, 204, 304, 404, 500];

function streamLabels(s: number): Record<string, string> {
  return {
    namespace: `bench-ns-${s % 4}`,
    pod: `web-${s}-7d9f8`,
    container: s % 2 ? "nginx" : "app",
    app: `web-${s % 5}`,
    host: `node-${s % 3}`,
  };
}

const line = (i: number) =>
  `10.244.${i % 250}.${i % 13} - - [07/Dec/2026:10:00:00 +0000] "GET ${PATHS[i % PATHS.length]} HTTP/1.1" ${STATUS[i % STATUS.length]} ${i % 9000} "-" "bench/1.0" rt=${(i % 997) / 1000}`;

function pushBody(
  types: typeof import("../lib/telemetry/loki/push-schema"),
  encoding: Encoding,
  n: number,
  atMs: number,
): Buffer {
  const streams = Array.from({ length: STREAMS }, (_, s) => ({
    labels: streamLabels(s),
    entries: [] as [number, string][],
  }));
  for (let i = 0; i < n; i++) streams[i % STREAMS].entries.push([atMs * 1e6 + i * 1000, line(i)]);
  if (encoding === "json")
    return Buffer.from(
      JSON.stringify({
        streams: streams.map((s) => ({ stream: s.labels, values: s.entries.map(([t, l]) => [String(t), l]) })),
      }),
    );
  const labelText = (labels: Record<string, string>) =>
    `{${Object.entries(labels)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(", ")}}`;
  const message = types.PushRequestType.fromObject({
    streams: streams.map((s) => ({
      labels: labelText(s.labels),
      entries: s.entries.map(([t, l]) => ({
        timestamp: { seconds: Math.floor(t / 1e9), nanos: t % 1e9 },
        line: l,
      })),
    })),
  });
  return Buffer.from(snappy.compress(types.PushRequestType.encode(message).finish()));
}

async function run() {
  const { getPool, closeDb } = await import("../lib/db/client");
  const schema = await import("../lib/telemetry/loki/push-schema");
  const { drainQueues } = await import("../lib/telemetry/store/queues");
  const { startRouteServer } = await import("../lib/testing/route-server");

  const token = await benchIngestToken();
  const server = await startRouteServer("app/loki");
  const authorization = `Basic ${Buffer.from(`promtail:${token}`).toString("base64")}`;
  const contentType = (e: Encoding) => (e === "json" ? "application/json" : "application/x-protobuf");
  const count = async () =>
    Number(((await getPool().query("SELECT COUNT(*) n FROM telemetry_logs")) as unknown as [[{ n: number }]])[0][0].n);
  const results: string[] = [];

  for (const encoding of ENCODINGS) {
    const needed = Math.ceil((SECONDS * 60_000) / LINES_PER_PUSH) + CONCURRENCY;
    const base = Date.now() - 3600_000;
    process.stdout.write(`encoding ${needed} pushes of ${LINES_PER_PUSH} lines as ${encoding}… `);
    const bodies = Array.from({ length: needed }, (_, i) => pushBody(schema, encoding, LINES_PER_PUSH, base + i * 10));
    console.log(`${fmt(bodies.reduce((a, b) => a + b.length, 0) / 1024 / 1024)} MiB`);
    const send = (body: Buffer) =>
      fetch(`${server.origin}/loki/api/v1/push`, {
        method: "POST",
        headers: { "content-type": contentType(encoding), authorization },
        body: new Uint8Array(body),
      });
    // One untimed push per connection first (JIT, pool), so the order of encodings does not matter.
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, i) => {
        const res = await send(pushBody(schema, encoding, LINES_PER_PUSH, base - (i + 1) * 10));
        if (res.status !== 204) throw new Error(`warm-up push answered ${res.status}: ${await res.text()}`);
      }),
    );
    await drainQueues();
    const before = await count();
    const run = await sustain(bodies, { concurrency: CONCURRENCY, seconds: SECONDS, accepted: 204, send });
    const committed = run.sent * LINES_PER_PUSH;
    const { seconds, refused } = run;
    await drainQueues();
    const added = (await count()) - before;
    if (added !== committed) throw new Error(`telemetry_logs gained ${added} rows but ${committed} were acknowledged`);
    const result = `loki push (${encoding}): ${fmt(committed / seconds, 0)} lines/s sustained and committed`;
    results.push(result);
    console.log(`${result} (${committed} in ${fmt(seconds)} s, ${refused} answers 429/503; table count checked)`);
  }
  console.log(`\nsummary\n${results.join("\n")}`);
  await server.close();
  await closeDb();
}

await onThrowawayDatabase(
  "bench_loki",
  `${CONCURRENCY} concurrent pushes of ${LINES_PER_PUSH} lines, ${SECONDS} s per encoding`,
  run,
);
