// Telemetry query bench: bulk-loads 1M spans and 1M log records into one environment of a
// throwaway database (through the same ingest path as OTLP, minus HTTP), then measures p50/p95
// of trace-by-id, attribute search, trace → logs and the APM service table over HTTP on
// loopback. Run: npm run bench:telemetry-query   Env: BENCH_SPANS, BENCH_LOGS (1_000_000),
// BENCH_QUERIES (200), BENCH_CONCURRENCY (2).
import { randomBytes } from "node:crypto";
import { fmt, onThrowawayDatabase, quantile, timed } from "./telemetry-common";

const SPANS = Number(process.env.BENCH_SPANS ?? 1_000_000);
const LOGS = Number(process.env.BENCH_LOGS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const CHUNK = 5000;
const SPREAD_MS = 2 * 3600_000;
const USERS = 20_000;

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

async function run() {
  const { closeDb, getPool } = await import("../lib/db/client");
  const { ingestTraces } = await import("../lib/telemetry/ingest/ingest-traces");
  const { ingestLogs } = await import("../lib/telemetry/ingest/ingest-logs");
  const { drainQueues } = await import("../lib/telemetry/store/queues");
  const { startRouteServer } = await import("../lib/testing/route-server");
  const { createToken, createUser, uniqueName } = await import("../lib/testing/factories");
  const { api, expectOk } = await import("../lib/testing/world");
  type Span = Parameters<typeof ingestTraces>[1][number]["items"][number]["item"];
  type Log = Parameters<typeof ingestLogs>[1][number]["items"][number]["item"];

  const admin = await createUser({ username: uniqueName("bench"), systemRole: "sysadmin" });
  const token = (await createToken(admin.id)).token;
  const tenant = uniqueName("bench");
  await expectOk(api("POST", "/api/v1/tenants", { token, body: { name: tenant } }), 201);
  await expectOk(
    api("PUT", `/api/v1/tenants/${tenant}/quotas/sandbox`, {
      token,
      body: { cpu: "4", memory: "8Gi", storage: "40Gi", pods: "40" },
    }),
  );
  await expectOk(api("POST", `/api/v1/tenants/${tenant}/projects`, { token, body: { name: "shop" } }), 201);
  const env = `/api/v1/tenants/${tenant}/projects/shop/environments/prod`;
  const { namespace } = await expectOk<{ namespace: string }>(
    api("POST", `/api/v1/tenants/${tenant}/projects/shop/environments`, {
      token,
      body: {
        name: "prod",
        type: "prod",
        cluster: "sandbox",
        quota: { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "5" },
      },
    }),
    201,
  );
  const [[sandbox]] = (await getPool().query("SELECT id FROM clusters WHERE name = 'sandbox'")) as unknown as [
    [{ id: number }],
  ];
  const principal = { tokenId: 0, clusterId: sandbox.id, pinnedNamespace: namespace };

  // Bulk load: traces of five spans (a server span and four children), spread over two hours.
  const now = Date.now();
  const sampleTraces: string[] = [];
  const t0 = performance.now();
  let loaded = 0;
  const inflight: Promise<unknown>[] = [];
  for (let c = 0; c < SPANS / CHUNK; c++) {
    const groups = SERVICES.map((s) => ({
      resource: { "service.name": s, "k8s.pod.name": `${s}-0` },
      items: [] as { scope: { name: string; version: string }; item: Span }[],
    }));
    let traceId = randomBytes(16);
    let root = randomBytes(8);
    for (let i = 0; i < CHUNK; i++) {
      const n = c * CHUNK + i;
      if (i % 5 === 0) {
        traceId = randomBytes(16);
        root = randomBytes(8);
        if (n % 2500 === 0) sampleTraces.push(traceId.toString("hex"));
      }
      const start = (now - SPREAD_MS + (n / SPANS) * SPREAD_MS) * 1e6;
      const s = n % 10;
      groups[s].items.push({
        scope: { name: "bench", version: "" },
        item: {
          traceId,
          spanId: i % 5 === 0 ? root : randomBytes(8),
          parentSpanId: i % 5 === 0 ? null : root,
          name: `GET /${SERVICES[s]}/${n % 20}`,
          kind: i % 5 === 0 ? 2 : 3,
          startNs: start,
          endNs: start + (1 + (n % 400)) * 1e6,
          attributes: {
            "http.route": `/${SERVICES[s]}/${n % 20}`,
            "http.response.status_code": n % 50 === 0 ? 500 : 200,
            "user.id": `user-${n % USERS}`,
            "order.id": `o-${n}`,
          },
          events: [],
          links: [],
          statusCode: n % 50 === 0 ? 2 : 0,
          statusMessage: "",
        },
      });
    }
    inflight.push(ingestTraces(principal, groups));
    if (inflight.length >= 4) await inflight.shift();
    loaded += CHUNK;
  }
  await Promise.all(inflight);
  await drainQueues();
  const spanSeconds = (performance.now() - t0) / 1000;
  console.log(
    `bulk load: ${loaded} spans in ${fmt(spanSeconds)} s (${fmt(loaded / spanSeconds, 0)}/s, rollups included)`,
  );

  const t1 = performance.now();
  for (let c = 0; c < LOGS / CHUNK; c++) {
    const items: { scope: { name: string; version: string }; item: Log }[] = [];
    for (let i = 0; i < CHUNK; i++) {
      const n = c * CHUNK + i;
      // Half the records belong to a sampled trace's neighbourhood: every trace gets ~5 logs.
      const traced = n % 2 === 0;
      items.push({
        scope: { name: "bench", version: "" },
        item: {
          timeNs: (now - SPREAD_MS + (n / LOGS) * SPREAD_MS) * 1e6,
          observedNs: 0,
          severityNumber: n % 20 === 0 ? 17 : 9,
          severityText: "",
          body: `handled request ${n} for user-${n % USERS}`,
          attributes: { thread: "main" },
          traceId: traced
            ? Buffer.from(sampleTraces[(n / 2) % sampleTraces.length] ?? randomBytes(16).toString("hex"), "hex")
            : null,
          spanId: null,
          eventName: "",
        },
      });
    }
    inflight.push(ingestLogs(principal, [{ resource: { "service.name": SERVICES[c % 10] }, items }]));
    if (inflight.length >= 4) await inflight.shift();
  }
  await Promise.all(inflight);
  await drainQueues();
  const logSeconds = (performance.now() - t1) / 1000;
  console.log(`bulk load: ${LOGS} log records in ${fmt(logSeconds)} s (${fmt(LOGS / logSeconds, 0)}/s)`);

  const server = await startRouteServer();
  const get = async (path: string) => {
    const res = await fetch(`${server.origin}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${body.slice(0, 200)}`);
    return JSON.parse(body) as Record<string, unknown[]>;
  };
  const pick = <T>(list: T[], i: number) => list[(i * 7919) % list.length];
  const report = (name: string, ms: number[], target?: number) =>
    console.log(
      `${name.padEnd(34)} p50 ${fmt(quantile(ms, 0.5)).padStart(7)} ms   p95 ${fmt(quantile(ms, 0.95)).padStart(7)} ms${target ? `   (target p95 ≤ ${target} ms)` : ""}`,
    );

  // Warm the handlers once, as a running server would be.
  await get(`/api/v1/traces/${sampleTraces[0]}`);
  report(
    "trace by id",
    await timed(QUERIES, CONCURRENCY, async (i) => void (await get(`/api/v1/traces/${pick(sampleTraces, i)}`))),
    100,
  );
  report(
    "attribute search (attr.user.id)",
    await timed(
      QUERIES,
      CONCURRENCY,
      async (i) =>
        void (await get(`${env}/traces?attr.user.id=user-${(i * 31) % USERS}&start=${now - SPREAD_MS}&end=${now}`)),
    ),
  );
  report(
    "trace → logs",
    await timed(QUERIES, CONCURRENCY, async (i) => void (await get(`/api/v1/traces/${pick(sampleTraces, i)}/logs`))),
    200,
  );
  report(
    "APM service table (last hour)",
    await timed(
      QUERIES / 4,
      CONCURRENCY,
      async () => void (await get(`${env}/apm/services?start=${now - 3600_000}&end=${now}`)),
    ),
    300,
  );
  report(
    "APM service table (two hours)",
    await timed(
      QUERIES / 4,
      CONCURRENCY,
      async () => void (await get(`${env}/apm/services?start=${now - SPREAD_MS}&end=${now}`)),
    ),
    300,
  );
  const check = await get(`${env}/apm/services?start=${now - SPREAD_MS - 60_000}&end=${now + 60_000}`);
  const calls = (check.rows as { calls: number }[]).reduce((a, r) => a + r.calls, 0);
  console.log(`APM rollups count ${calls} entry spans (expected ${SPANS / 5})`);
  await server.close();
  await closeDb();
}

await onThrowawayDatabase("bench_query", `${SPANS} spans, ${LOGS} log records`, run);
