// Alert rules bench: N rules (default 500) spread over environments of one tenant, on telemetry
// seeded through the ingest path (APM spans, logs, probe and container gauges in the last five
// minutes), then times whole evaluation rounds (runRound: every enabled rule once) on a
// throwaway database. Run: npm run bench:alert-rules
// Env: BENCH_RULES (500), BENCH_ENVS (25), BENCH_ROUNDS (6), BENCH_LOGS_PER_ENV (2000).
import { fmt, onThrowawayDatabase, quantile } from "./telemetry-common";

const RULES = Number(process.env.BENCH_RULES ?? 500);
const ENVS = Number(process.env.BENCH_ENVS ?? 25);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const LOGS_PER_ENV = Number(process.env.BENCH_LOGS_PER_ENV ?? 2000);
const SERVICES = ["gateway", "cart", "checkout", "payment"];
const PODS = ["web-0", "web-1", "worker-0"];

/** The mix of rule kinds a tenant would have: mostly templates, some log and probe rules. */
function ruleBody(i: number): Record<string, unknown> {
  const name = `r-${i}`;
  const service = SERVICES[i % SERVICES.length];
  const base = { name, receivers: [{ channel: "ops", scope: "tenant", repeatIntervalSeconds: 600 }] };
  switch (i % 8) {
    case 0:
    case 1:
      return {
        ...base,
        kind: "metric",
        for: 60,
        levels: [
          { op: ">", value: 5, severity: "error" },
          { op: ">", value: 20, severity: "critical" },
        ],
        metric: { template: { scope: "apm", resource: "service", rule: "error-rate", labels: { service } } },
      };
    case 2:
      return {
        ...base,
        kind: "metric",
        levels: [{ op: ">", value: 50 + (i % 5) * 10, severity: "warning" }],
        metric: { template: { scope: "apm", resource: "service", rule: "p90-latency" } },
      };
    case 3:
      return {
        ...base,
        kind: "metric",
        levels: [{ op: "<", value: 0.1, severity: "info" }],
        metric: { template: { scope: "apm", resource: "service", rule: "request-rate", labels: { service } } },
      };
    case 4:
      return {
        ...base,
        kind: "metric",
        levels: [{ op: ">", value: 0.5, severity: "warning" }],
        metric: { template: { scope: "containers", resource: "container", rule: "cpu-usage" } },
      };
    case 5:
      return {
        ...base,
        kind: "log",
        levels: [{ op: ">", value: 10, severity: "error" }],
        log: {
          matchers: { service },
          regex: ["ERROR", "timeout after [0-9]+ ms", "(?i)panic|fatal"][i % 3],
          windowSeconds: 300,
        },
      };
    case 6:
      return { ...base, kind: "probe", probe: { probe: `p${i % 2}`, condition: "failing", minutes: 3 } };
    default:
      return {
        ...base,
        kind: "metric",
        levels: [{ op: "<", value: 1, severity: "critical" }],
        metric: { template: { scope: "probes", resource: "probe", rule: "success" } },
      };
  }
}

async function run() {
  const { closeDb, getDb } = await import("../lib/db/client");
  const { clusters } = await import("../lib/db/schema");
  const { eq } = await import("drizzle-orm");
  const { ingestTraces } = await import("../lib/telemetry/ingest/ingest-traces");
  const { ingestLogs } = await import("../lib/telemetry/ingest/ingest-logs");
  const { ingestMetrics } = await import("../lib/telemetry/ingest/ingest-metrics");
  const { decodeLogsJson, decodeMetricsJson, decodeTracesJson } = await import("../lib/telemetry/otlp/decode-json");
  const { drainQueues } = await import("../lib/telemetry/store/queues");
  const { createToken, createUser, uniqueName } = await import("../lib/testing/factories");
  const { api, expectOk, generousQuota, smallQuota } = await import("../lib/testing/world");
  const { otlpGauge, otlpLogs, otlpTraces, spanId, traceId } = await import("../lib/testing/telemetry-world");
  const { runRound } = await import("../lib/alerts/evaluate/run-round");

  const admin = await createUser({ username: uniqueName("bench"), systemRole: "sysadmin" });
  const token = (await createToken(admin.id)).token;
  const tenant = uniqueName("bench");
  const base = `/api/v1/tenants/${tenant}`;
  await expectOk(api("POST", "/api/v1/tenants", { token, body: { name: tenant } }), 201);
  await expectOk(api("PUT", `${base}/quotas/sandbox`, { token, body: { ...generousQuota, storage: "10Ti" } }));
  await expectOk(api("POST", `${base}/projects`, { token, body: { name: "shop" } }), 201);
  const [sandbox] = await getDb().select({ id: clusters.id }).from(clusters).where(eq(clusters.name, "sandbox"));

  const seedStarted = performance.now();
  const now = Date.now();
  const envs: string[] = [];
  for (let e = 0; e < ENVS; e++) {
    const env = await expectOk<{ namespace: string }>(
      api("POST", `${base}/projects/shop/environments`, {
        token,
        body: { name: `env-${e}`, type: "dev", cluster: "sandbox", quota: smallQuota },
      }),
      201,
    );
    envs.push(`${base}/projects/shop/environments/env-${e}`);
    const principal = { tokenId: 0, clusterId: sandbox.id, pinnedNamespace: env.namespace };
    for (const service of SERVICES)
      await ingestTraces(
        principal,
        decodeTracesJson(
          otlpTraces(
            { "service.name": service },
            Array.from({ length: 100 }, (_, i) => ({
              traceId: traceId(),
              spanId: spanId(),
              name: "GET /",
              startMs: now - 240_000 + i * 2000,
              durationMs: 5 + (i % 50) * 2,
              error: i % (e + 5) === 0,
            })),
          ),
        ),
      );
    for (const service of SERVICES)
      await ingestLogs(
        principal,
        decodeLogsJson(
          otlpLogs(
            { "service.name": service },
            Array.from({ length: LOGS_PER_ENV / SERVICES.length }, (_, i) => ({
              timeMs: now - 240_000 + i * 100,
              body:
                i % 17 === 0
                  ? `ERROR order ${i} failed: timeout after ${i} ms`
                  : `INFO served request ${i} in ${i % 90} ms`,
            })),
          ),
        ),
      );
    for (const p of [0, 1])
      await ingestMetrics(
        principal,
        decodeMetricsJson(
          otlpGauge({ "service.name": `probe/p${p}` }, "probe_success", now - 4 * 60_000, [1, p, p, p, p], {
            job: `probe/p${p}`,
            instance: `https://p${p}.example`,
          }),
        ),
      );
    for (const pod of PODS)
      await ingestMetrics(
        principal,
        decodeMetricsJson(
          otlpGauge(
            { "service.name": "kubelet", "k8s.pod.name": pod },
            "container.cpu.usage",
            now - 4 * 60_000,
            [0.2, 0.4, 0.6, 0.8, 1.0],
          ),
        ),
      );
  }
  await drainQueues();
  for (let i = 0; i < RULES; i++)
    await expectOk(api("POST", `${envs[i % ENVS]}/alert-rules`, { token, body: ruleBody(i) }), 201);
  console.log(
    `seeded ${ENVS} environments (${SERVICES.length * 100} spans, ${LOGS_PER_ENV} logs, ${2 * 5 + PODS.length * 5} metric points each) and ${RULES} rules in ${fmt((performance.now() - seedStarted) / 1000)} s`,
  );

  const times: number[] = [];
  let last: Awaited<ReturnType<typeof runRound>> | undefined;
  for (let r = 0; r < ROUNDS; r++) {
    // Rounds a minute apart (as of their own instant), so `for` elapses and alerts move on.
    last = await runRound(new Date(now + r * 61_000));
    times.push(last.ms);
    console.log(
      `round ${r + 1}: ${last.ms} ms  rules ${last.rules}  environments ${last.environments}  notifications ${last.notifications}  errors ${last.errors}`,
    );
  }
  const sorted = [...times].sort((a, b) => a - b);
  const p50 = quantile(sorted, 0.5);
  const max = sorted[sorted.length - 1];
  console.log(
    `\n${RULES} rules, ${ROUNDS} rounds: p50 ${p50} ms, max ${max} ms (target ≤ 5000 ms) ${max <= 5000 ? "OK" : "OVER"}`,
  );
  await closeDb();
}

await onThrowawayDatabase("alerts", `${RULES} alert rules over ${ENVS} environments`, run);
