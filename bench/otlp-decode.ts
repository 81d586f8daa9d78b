// OTLP decode micro-bench: records/s through body → model for protobuf and OTLP/JSON, without
// the database, to see what the JSON path costs beyond protobuf. Run: npm run bench:otlp-decode
import { randomBytes } from "node:crypto";

const N = Number(process.env.BENCH_RECORDS_PER_EXPORT ?? 4000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const kv = (key: string, value: string | number) => ({
  key,
  value: typeof value === "number" ? { intValue: value } : { stringValue: value },
});

function logsRequest(json: boolean) {
  const id = (b: number) => (json ? randomBytes(b).toString("hex") : randomBytes(b));
  const groups = Array.from({ length: 10 }, (_, r) => ({
    resource: { attributes: [kv("service.name", `svc-${r}`), kv("k8s.namespace.name", "ns")] },
    scopeLogs: [{ scope: { name: "bench" }, logRecords: [] as object[] }],
  }));
  for (let i = 0; i < N; i++) {
    groups[i % 10].scopeLogs[0].logRecords.push({
      timeUnixNano: `${1_700_000_000_000 + i}000000`,
      severityNumber: 9,
      severityText: "INFO",
      body: { stringValue: `handled request ${i} in ${i % 250} ms` },
      attributes: [kv("http.route", "/cart"), kv("thread", "main")],
      traceId: i % 2 ? id(16) : undefined,
      spanId: i % 2 ? id(8) : undefined,
    });
  }
  return { resourceLogs: groups };
}

function spansRequest(json: boolean) {
  const id = (b: number) => (json ? randomBytes(b).toString("hex") : randomBytes(b));
  const groups = Array.from({ length: 10 }, (_, r) => ({
    resource: { attributes: [kv("service.name", `svc-${r}`)] },
    scopeSpans: [{ scope: { name: "bench" }, spans: [] as object[] }],
  }));
  for (let i = 0; i < N; i++) {
    groups[i % 10].scopeSpans[0].spans.push({
      traceId: id(16),
      spanId: id(8),
      parentSpanId: i % 5 ? id(8) : undefined,
      name: "GET /cart",
      kind: 2,
      startTimeUnixNano: `${1_700_000_000_000 + i}000000`,
      endTimeUnixNano: `${1_700_000_000_001 + i}000000`,
      attributes: [kv("http.route", "/cart"), kv("http.response.status_code", 200), kv("user.id", `u-${i}`)],
      status: { code: 0 },
    });
  }
  return { resourceSpans: groups };
}

const { OtlpTypes } = await import("../lib/telemetry/otlp/schema");
const { decodeLogsProtobuf, decodeTracesProtobuf } = await import("../lib/telemetry/otlp/decode-protobuf");
const { decodeLogsJson, decodeTracesJson, parseOtlpJson } = await import("../lib/telemetry/otlp/decode-json");

function time(label: string, body: Buffer, decode: (b: Buffer) => unknown) {
  for (let i = 0; i < 5; i++) decode(body);
  const started = performance.now();
  for (let i = 0; i < ROUNDS; i++) decode(body);
  const s = (performance.now() - started) / 1000;
  console.log(
    `${label.padEnd(16)} ${Math.round((N * ROUNDS) / s)
      .toLocaleString("en")
      .padStart(12)} records/s decoded (${(body.length / 1024).toFixed(0)} KiB per export)`,
  );
}

time(
  "logs protobuf",
  Buffer.from(OtlpTypes.logsRequest.encode(OtlpTypes.logsRequest.fromObject(logsRequest(false))).finish()),
  decodeLogsProtobuf,
);
time("logs json", Buffer.from(JSON.stringify(logsRequest(true))), (b) => decodeLogsJson(parseOtlpJson(b)));
time(
  "spans protobuf",
  Buffer.from(OtlpTypes.traceRequest.encode(OtlpTypes.traceRequest.fromObject(spansRequest(false))).finish()),
  decodeTracesProtobuf,
);
time("spans json", Buffer.from(JSON.stringify(spansRequest(true))), (b) => decodeTracesJson(parseOtlpJson(b)));
