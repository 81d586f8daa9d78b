// A tenant with two environments and their ingest tokens, built through the JSON API, plus
// helpers that post OTLP/JSON the way an SDK would.
import { randomBytes } from "node:crypto";
import { uniqueName } from "./factories";
import { api, expectOk, person, smallQuota, sysadminToken } from "./world";

export interface TelemetryWorld {
  root: string;
  tenant: string;
  /** API path of an environment: env("a") → …/environments/env-a */
  env: (name: "a" | "b") => string;
  namespace: (name: "a" | "b") => string;
  tokens: { a: string; b: string; cluster: string };
  /** Tenant member who reads env-a only (environment reader there). */
  reader: { username: string; token: string };
  outsider: { username: string; token: string };
}

export async function telemetryWorld(prefix = "tel"): Promise<TelemetryWorld> {
  const root = await sysadminToken();
  const tenant = uniqueName(prefix);
  const base = `/api/v1/tenants/${tenant}`;
  await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: tenant } }), 201);
  await expectOk(
    api("PUT", `${base}/quotas/sandbox`, {
      token: root,
      body: { cpu: "4", memory: "8Gi", storage: "40Gi", pods: "40" },
    }),
  );
  await expectOk(api("POST", `${base}/projects`, { token: root, body: { name: "shop" } }), 201);
  const env = (name: "a" | "b") => `${base}/projects/shop/environments/env-${name}`;
  for (const name of ["a", "b"] as const) {
    await expectOk(
      api("POST", `${base}/projects/shop/environments`, {
        token: root,
        body: { name: `env-${name}`, type: "dev", cluster: "sandbox", quota: smallQuota },
      }),
      201,
    );
  }
  const reader = await person("reader");
  const outsider = await person("outsider");
  await expectOk(
    api("POST", `${base}/members`, { token: root, body: { username: reader.username, role: "member" } }),
    201,
  );
  await expectOk(
    api("POST", `${env("a")}/members`, { token: root, body: { username: reader.username, role: "reader" } }),
    201,
  );
  const token = async (path: string) =>
    (
      await expectOk<{ token: string }>(
        api("POST", `${path}/ingest-tokens`, { token: root, body: { name: uniqueName("t") } }),
        201,
      )
    ).token;
  return {
    root,
    tenant,
    env,
    namespace: (name) => `${tenant}-env-${name}`,
    tokens: { a: await token(env("a")), b: await token(env("b")), cluster: await token("/api/v1/clusters/sandbox") },
    reader: { username: reader.username, token: reader.token },
    outsider: { username: outsider.username, token: outsider.token },
  };
}

export const traceId = () => randomBytes(16).toString("hex");
export const spanId = () => randomBytes(8).toString("hex");

export interface TestSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  startMs: number;
  durationMs: number;
  error?: boolean;
  attributes?: Record<string, string | number>;
}

const kv = (attrs: Record<string, string | number>) =>
  Object.entries(attrs).map(([key, v]) => ({
    key,
    value:
      typeof v === "number" ? (Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v }) : { stringValue: v },
  }));
const nanos = (ms: number) => `${Math.round(ms * 1000)}000`;

/** An ExportTraceServiceRequest in OTLP/JSON for one resource. */
export function otlpTraces(resource: Record<string, string>, spans: TestSpan[]) {
  return {
    resourceSpans: [
      {
        resource: { attributes: kv(resource) },
        scopeSpans: [
          {
            scope: { name: "test" },
            spans: spans.map((s) => ({
              traceId: s.traceId,
              spanId: s.spanId,
              parentSpanId: s.parentSpanId ?? "",
              name: s.name,
              kind: s.kind ?? 2,
              startTimeUnixNano: nanos(s.startMs),
              endTimeUnixNano: nanos(s.startMs + s.durationMs),
              attributes: kv(s.attributes ?? {}),
              status: { code: s.error ? 2 : 0 },
            })),
          },
        ],
      },
    ],
  };
}

export interface TestLog {
  timeMs: number;
  body: string;
  severityNumber?: number;
  traceId?: string;
  spanId?: string;
}

export function otlpLogs(resource: Record<string, string>, logs: TestLog[]) {
  return {
    resourceLogs: [
      {
        resource: { attributes: kv(resource) },
        scopeLogs: [
          {
            scope: { name: "test" },
            logRecords: logs.map((l) => ({
              timeUnixNano: nanos(l.timeMs),
              severityNumber: l.severityNumber ?? 9,
              body: { stringValue: l.body },
              traceId: l.traceId ?? "",
              spanId: l.spanId ?? "",
            })),
          },
        ],
      },
    ],
  };
}

/** A gauge with one point per value, a minute apart from `startMs`. */
export function otlpGauge(
  resource: Record<string, string>,
  name: string,
  startMs: number,
  values: number[],
  attributes: Record<string, string> = {},
) {
  return {
    resourceMetrics: [
      {
        resource: { attributes: kv(resource) },
        scopeMetrics: [
          {
            scope: { name: "test" },
            metrics: [
              {
                name,
                unit: "1",
                gauge: {
                  dataPoints: values.map((v, i) => ({
                    timeUnixNano: nanos(startMs + i * 60_000),
                    asDouble: v,
                    attributes: kv(attributes),
                  })),
                },
              },
            ],
          },
        ],
      },
    ],
  };
}

/** POSTs to the OTLP receiver; JSON bodies unless `raw` is given. */
export async function postOtlp(
  origin: string,
  signal: "traces" | "logs" | "metrics",
  token: string | null,
  body: unknown,
  options: { raw?: Buffer; contentType?: string; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${origin}/api/otlp/v1/${signal}`, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    body: options.raw ? new Uint8Array(options.raw) : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // protobuf or empty
  }
  return { status: res.status, headers: res.headers, body: parsed as Record<string, unknown> };
}

/** Stores one trace (two spans) and a log of it in a namespace of the sandbox cluster, directly. */
export async function seedTrace(namespace: string): Promise<string> {
  const { getDb } = await import("@/lib/db/client");
  const { clusters } = await import("@/lib/db/schema");
  const { eq } = await import("drizzle-orm");
  const { ingestTraces } = await import("@/lib/telemetry/ingest/ingest-traces");
  const { ingestLogs } = await import("@/lib/telemetry/ingest/ingest-logs");
  const { decodeTracesJson, decodeLogsJson } = await import("@/lib/telemetry/otlp/decode-json");
  const [sandbox] = await getDb().select({ id: clusters.id }).from(clusters).where(eq(clusters.name, "sandbox"));
  const principal = { tokenId: 0, clusterId: sandbox.id, pinnedNamespace: namespace };
  const id = traceId();
  const root = spanId();
  const now = Date.now();
  await ingestTraces(
    principal,
    decodeTracesJson(
      otlpTraces({ "service.name": "web" }, [
        { traceId: id, spanId: root, name: "GET /", startMs: now - 50, durationMs: 20 },
        {
          traceId: id,
          spanId: spanId(),
          parentSpanId: root,
          name: "SELECT",
          kind: 3,
          startMs: now - 45,
          durationMs: 5,
        },
      ]),
    ),
  );
  await ingestLogs(
    principal,
    decodeLogsJson(
      otlpLogs({ "service.name": "web" }, [{ timeMs: now - 40, body: "served /", traceId: id, spanId: root }]),
    ),
  );
  return id;
}

/** A tenant with one environment on a cluster of its own (a registry row only, never contacted). */
export async function environmentOnOwnCluster(root: string) {
  const { getDb } = await import("@/lib/db/client");
  const { clusters } = await import("@/lib/db/schema");
  const cluster = uniqueName("ext");
  await getDb().insert(clusters).values({ name: cluster, kind: "imported", server: "http://127.0.0.1:9" });
  const tenant = uniqueName("ext");
  const base = `/api/v1/tenants/${tenant}`;
  await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: tenant } }), 201);
  await expectOk(
    api("PUT", `${base}/quotas/${cluster}`, {
      token: root,
      body: { cpu: "2", memory: "2Gi", storage: "10Gi", pods: "10" },
    }),
  );
  await expectOk(api("POST", `${base}/projects`, { token: root, body: { name: "shop" } }), 201);
  const env = await expectOk<{ namespace: string }>(
    api("POST", `${base}/projects/shop/environments`, {
      token: root,
      body: { name: "prod", type: "prod", cluster, quota: smallQuota },
    }),
    201,
  );
  return { cluster, env: `${base}/projects/shop/environments/prod`, namespace: env.namespace };
}
