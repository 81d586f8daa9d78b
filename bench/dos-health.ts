// DoS bench: /api/health latency while 200 slow or huge Nacos listener requests and 32 slow
// OTLP uploads from one token hit Facet's handlers (served over loopback HTTP, the attacker in
// its own process), with a throwaway database. The load test asserts p99 ≤ 200 ms on the same
// scenario (lib/security/__tests__/dos-load.test.ts). Run: npm run bench:dos-health
import { onThrowawayDatabase } from "./telemetry-common";

const LISTENERS = Number(process.env.BENCH_LISTENERS ?? 200);
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 32);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 6000);

async function run() {
  const { api, expectOk } = await import("../lib/testing/world");
  const { buildConfigWorld, createConfigKey } = await import("../lib/testing/config-world");
  const { startRouteServer } = await import("../lib/testing/route-server");
  const { formatDosResult, runDosAttack } = await import("../lib/testing/dos-attack");
  const { configureBodyReads } = await import("../lib/core/read-bounded-body");
  const { closeDb } = await import("../lib/db/client");

  const w = await buildConfigWorld("dosbench");
  const key = await createConfigKey(w, "dev", "read-only");
  const token = async (env: "dev" | "test") =>
    (
      await expectOk<{ token: string }>(
        api("POST", `${w.env(env)}/ingest-tokens`, { token: w.root, body: { name: `bench-${env}` } }),
        201,
      )
    ).token;
  const [attackerToken, bystanderToken] = [await token("dev"), await token("test")];
  const apiServer = await startRouteServer();
  const nacosServer = await startRouteServer("app/nacos");
  // A short body deadline so trickled bodies are cut within the measured window.
  configureBodyReads({ timeoutMs: 2_000 });
  try {
    await fetch(`${apiServer.origin}/api/health`).then((r) => r.arrayBuffer());
    const result = await runDosAttack(
      { api: apiServer, nacos: nacosServer, key, attackerToken, bystanderToken },
      { listeners: LISTENERS, uploads: UPLOADS, durationMs: DURATION_MS },
    );
    console.log(formatDosResult(result));
    console.log(result.health.p99 <= 200 ? "health p99 within 200 ms" : "health p99 OVER 200 ms");
  } finally {
    await apiServer.close();
    await nacosServer.close();
    await closeDb();
  }
}

onThrowawayDatabase(
  "dos",
  `${LISTENERS} listener requests and ${UPLOADS} slow uploads for ${DURATION_MS} ms while /api/health is polled`,
  run,
).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
