// Probe scheduler bench: N probes (default 1,000) at a 60 s interval against a local HTTP server,
// run by the real scheduler through the real blackbox exporter, on a throwaway database.
// Reports scheduler lag (actual start − due time) p50/p99/max and runs/s.
// Run: npm run bench:probes
// Env: BENCH_PROBES (1000), BENCH_SECONDS (150), BENCH_INTERVAL (60), FACET_PROBE_CONCURRENCY (32).
import { createServer } from "node:http";
import { fmt, onThrowawayDatabase, quantile } from "./telemetry-common";

const PROBES = Number(process.env.BENCH_PROBES ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 150);
const INTERVAL = Number(process.env.BENCH_INTERVAL ?? 60);

async function run() {
  process.env.FACET_EGRESS_ALLOW_LOOPBACK = "1";
  const { getPool, closeDb } = await import("../lib/db/client");
  const { api, expectOk, sysadminToken, tenantProject, sandboxEnvironment } = await import("../lib/testing/world");
  const { startBlackbox } = await import("../lib/testing/blackbox");
  const { ProbeScheduler } = await import("../lib/probes/scheduler/scheduler");
  const { nextOnPhase } = await import("../lib/probes/schedule");
  const { drainQueues } = await import("../lib/telemetry/store/queues");

  const bb = await startBlackbox();
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok\n");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as { port: number }).port;

  // One environment through the API (the real path for the first probe), the rest in bulk.
  const root = await sysadminToken();
  const project = await tenantProject(root, "bench");
  const env = await sandboxEnvironment(root, project, "dev");
  await expectOk(
    api("POST", `${env}/probes`, {
      token: root,
      body: { name: "probe-0", kind: "http", target: `http://127.0.0.1:${port}/p0`, intervalSeconds: INTERVAL },
    }),
    201,
  );
  const pool = getPool();
  const [[first]] = (await pool.query(
    "SELECT tenant_id, environment_id FROM probes WHERE name = 'probe-0'",
  )) as unknown as [[{ tenant_id: number; environment_id: number }]];
  const rows = Array.from({ length: PROBES - 1 }, (_, i) => [
    first.tenant_id,
    first.environment_id,
    `probe-${i + 1}`,
    "http",
    `http://127.0.0.1:${port}/p${i + 1}`,
    INTERVAL,
    Math.min(10, INTERVAL - 1),
    JSON.stringify({ validStatusCodes: [200], bodyMustMatch: ["ok"] }),
  ]);
  if (rows.length)
    await pool.query(
      "INSERT INTO probes (tenant_id, environment_id, name, kind, target, interval_seconds, timeout_seconds, checks) VALUES ?",
      [rows],
    );
  const [ids] = (await pool.query("SELECT id FROM probes")) as unknown as [{ id: number }[]];
  const now = Date.now();
  await pool.query(
    "UPDATE probes p JOIN JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$[0]', n BIGINT UNSIGNED PATH '$[1]')) v ON p.id = v.id SET p.next_run_ms = v.n",
    [JSON.stringify(ids.map(({ id }) => [id, nextOnPhase(Number(id), INTERVAL * 1000, now)]))],
  );
  console.log(
    `${PROBES} HTTP probes at ${INTERVAL} s against 127.0.0.1:${port} through ${bb.url}; running ${SECONDS} s`,
  );

  const scheduler = new ProbeScheduler();
  const started = performance.now();
  scheduler.start();
  for (let s = 10; s <= SECONDS; s += 10) {
    await new Promise((r) => setTimeout(r, 10_000));
    const lags = [...scheduler.stats.lags].sort((a, b) => a - b);
    console.log(
      `  ${s} s: ${scheduler.stats.runs} runs, lag p50 ${quantile(lags, 0.5) ?? "-"} ms p99 ${quantile(lags, 0.99) ?? "-"} ms`,
    );
  }
  await scheduler.stop();
  const seconds = (performance.now() - started) / 1000;
  await drainQueues();
  const lags = [...scheduler.stats.lags].sort((a, b) => a - b);
  const [[stored]] = (await pool.query(
    "SELECT COUNT(*) AS ran, SUM(last_success) AS ok FROM probes WHERE last_run_ms IS NOT NULL",
  )) as unknown as [[{ ran: number; ok: number }]];
  const [[points]] = (await pool.query("SELECT COUNT(*) AS n FROM telemetry_metric_points")) as unknown as [
    [{ n: number }],
  ];
  const expected = (PROBES * seconds) / INTERVAL;
  console.log(`\nsummary
probes: ${PROBES} at ${INTERVAL} s, concurrency ${scheduler.concurrency}, tick ${scheduler.tickMs} ms, ${fmt(seconds)} s
runs: ${scheduler.stats.runs} (${fmt(scheduler.stats.runs / seconds, 2)} runs/s; the schedule asks ~${fmt(expected, 0)}), exporter errors ${scheduler.stats.exporterErrors}
scheduler lag: p50 ${quantile(lags, 0.5)} ms, p99 ${quantile(lags, 0.99)} ms, max ${lags[lags.length - 1]} ms
stored: ${stored.ran} probes with a last run (${stored.ok} up), ${points.n} metric points`);
  server.close();
  await bb.stop();
  await closeDb();
}

onThrowawayDatabase("bench_probes", "probe scheduler through the real blackbox exporter", run).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
