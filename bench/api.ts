// JSON API bench: requests/s and p50/p99 at 32 connections for the environment detail, the
// tenant list, a trace search and a config get through the Nacos API, the same environment
// route without a token (401) and the health check; then p99 of the environment detail at a
// fixed 300 requests/s, evenly spaced (bench/constant-rate.ts). Against the production server
// (scripts/server.ts over `next build`) on a throwaway database, load from the same machine.
// Run: npm run bench:api   (BENCH_SECONDS=10 per route; builds first when .next is missing;
// BENCH_FIXED_ONLY=1 runs only the fixed-rate part)
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import autocannon from "autocannon";
import { constantRate } from "./constant-rate";
import { fmt, onThrowawayDatabase } from "./telemetry-common";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const FIXED_RATE = Number(process.env.BENCH_FIXED_RATE ?? 300);
const RATIO_ROUNDS = Number(process.env.BENCH_RATIO_ROUNDS ?? 3);

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function startServer(): Promise<{ origin: string; stop: () => void }> {
  if (!existsSync(".next/BUILD_ID")) execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  const port = await freePort();
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(
    "node",
    [...nodeArgs, "--import", "tsx", "scripts/server.ts", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: { ...process.env, NODE_ENV: "production", FACET_EGRESS_ALLOW_LOOPBACK: "1", LOG_LEVEL: "silent" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    const up = await fetch(`${origin}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { origin, stop: () => child.kill("SIGTERM") };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error("the server did not answer /api/health within 60 s");
}

const hex = (bytes: number) =>
  [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");

function otlpSpans(count: number): unknown {
  const now = BigInt(Date.now()) * 1_000_000n;
  const spans = Array.from({ length: count }, (_, i) => ({
    traceId: hex(16),
    spanId: hex(8),
    name: `GET /orders/${i % 10}`,
    kind: 2,
    startTimeUnixNano: String(now - BigInt(i) * 1_000_000_000n),
    endTimeUnixNano: String(now - BigInt(i) * 1_000_000_000n + 25_000_000n),
    status: { code: i % 7 === 0 ? 2 : 1 },
  }));
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "checkout" } }] },
        scopeSpans: [{ spans }],
      },
    ],
  };
}

interface Target {
  name: string;
  path: string;
  headers: Record<string, string>;
  expect: number;
}

async function load(origin: string, target: Target, options: { connections: number; overallRate?: number }) {
  const result = await autocannon({
    url: origin + target.path,
    headers: target.headers,
    duration: SECONDS,
    connections: options.connections,
    overallRate: options.overallRate,
  });
  const wrong = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => Number(code) !== target.expect);
  if (wrong.length || result.errors || result.timeouts) {
    throw new Error(
      `${target.name}: unexpected answers ${JSON.stringify(result.statusCodeStats)}, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function run() {
  const { api, expectOk, generousQuota, sysadminToken } = await import("../lib/testing/world");
  const { createToken, createUser, uniqueName } = await import("../lib/testing/factories");
  const { closeDb } = await import("../lib/db/client");

  const root = await sysadminToken();
  const tenant = uniqueName("bench");
  const env = `/api/v1/tenants/${tenant}/projects/shop/environments/dev`;
  await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: tenant } }), 201);
  await expectOk(api("PUT", `/api/v1/tenants/${tenant}/quotas/sandbox`, { token: root, body: generousQuota }));
  await expectOk(api("POST", `/api/v1/tenants/${tenant}/projects`, { token: root, body: { name: "shop" } }), 201);
  await expectOk(
    api("POST", `/api/v1/tenants/${tenant}/projects/shop/environments`, {
      token: root,
      body: {
        name: "dev",
        type: "dev",
        cluster: "sandbox",
        quota: { cpu: "1", memory: "1Gi", storage: "1Gi", pods: "5" },
      },
    }),
    201,
  );
  // An ordinary developer: every request resolves membership and roles, as most traffic does.
  const dev = await createUser({ username: uniqueName("dev") });
  await expectOk(
    api("POST", `/api/v1/tenants/${tenant}/members`, { token: root, body: { username: dev.username, role: "member" } }),
    201,
  );
  await expectOk(
    api("POST", `/api/v1/tenants/${tenant}/projects/shop/members`, {
      token: root,
      body: { username: dev.username, role: "dev" },
    }),
    201,
  );
  const token = (await createToken(dev.id)).token;
  const ingest = await expectOk<{ token: string }>(
    api("POST", `${env}/ingest-tokens`, { token: root, body: { name: "bench" } }),
    201,
  );
  const key = await expectOk<{ username: string; password: string; namespace: string; group: string }>(
    api("POST", `${env}/config-keys`, { token: root, body: { name: "bench", access: "read-write" } }),
    201,
  );
  await expectOk(
    api("PUT", `${env}/configs/app.properties`, {
      token: root,
      body: { content: "app.name=bench\n", type: "properties" },
    }),
  );
  await closeDb();

  const server = await startServer();
  try {
    const sent = await fetch(`${server.origin}/api/otlp/v1/traces`, {
      method: "POST",
      headers: { authorization: `Bearer ${ingest.token}`, "content-type": "application/json" },
      body: JSON.stringify(otlpSpans(500)),
    });
    if (!sent.ok) throw new Error(`OTLP export answered ${sent.status}`);
    const bearer = { authorization: `Bearer ${token}` };
    const traceSearch = `${env}/traces?service=checkout&limit=20`;
    for (let i = 0; i < 100; i++) {
      const found = (await (await fetch(server.origin + traceSearch, { headers: bearer })).json()) as {
        traces?: unknown[];
      };
      if ((found.traces?.length ?? 0) >= 20) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const nacos = new URLSearchParams({
      dataId: "app.properties",
      group: key.group,
      tenant: key.namespace,
      username: key.username,
      password: key.password,
    });
    const targets: Target[] = [
      { name: "environment detail", path: env, headers: bearer, expect: 200 },
      { name: "tenant list", path: "/api/v1/tenants", headers: bearer, expect: 200 },
      { name: "trace search", path: traceSearch, headers: bearer, expect: 200 },
      { name: "config get (Nacos API)", path: `/nacos/v1/cs/configs?${nacos}`, headers: {}, expect: 200 },
      { name: "environment detail, no token (401)", path: env, headers: {}, expect: 401 },
      { name: "health", path: "/api/health", headers: {}, expect: 200 },
    ];
    // Warm every route (Next compiles nothing in production, but caches and pools fill).
    for (const t of targets)
      await autocannon({ url: server.origin + t.path, headers: t.headers, amount: 200, connections: 8 });

    console.log(`${CONNECTIONS} connections, ${SECONDS} s per route`);
    console.log(`${"route".padEnd(38)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)}`);
    const rates = new Map<string, number>();
    for (const t of process.env.BENCH_FIXED_ONLY ? [] : targets) {
      const r = await load(server.origin, t, { connections: CONNECTIONS });
      rates.set(t.name, r.rps);
      console.log(
        `${t.name.padEnd(38)} ${fmt(r.rps).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)}`,
      );
    }
    // The ratio from rounds that alternate the two, so a machine whose load drifts during the
    // run (other work on the same 2 cores) weighs on both sides alike.
    const sides = { authed: 0, anonymous: 0 };
    for (let round = 0; round < (process.env.BENCH_FIXED_ONLY ? 0 : RATIO_ROUNDS); round++) {
      sides.authed += (await load(server.origin, targets[0], { connections: CONNECTIONS })).rps;
      sides.anonymous += (await load(server.origin, targets[4], { connections: CONNECTIONS })).rps;
    }
    console.log(
      `environment detail / same route without a token: ${fmt(((rates.get("environment detail") ?? 0) / (rates.get("environment detail, no token (401)") ?? 1)) * 100)} % in the table, ${fmt((sides.authed / sides.anonymous) * 100)} % over ${RATIO_ROUNDS} alternating rounds`,
    );
    // A short settle first: the fixed-rate figure is the server's, not the previous phase's backlog.
    await new Promise((r) => setTimeout(r, 3_000));
    const fixed = await constantRate(server.origin + targets[0].path, targets[0].headers, {
      rate: FIXED_RATE,
      seconds: SECONDS,
      expect: targets[0].expect,
    });
    if (fixed.wrong) throw new Error(`environment detail at a fixed rate: ${fixed.wrong} wrong answers`);
    console.log(
      `environment detail at a fixed ${FIXED_RATE} req/s (evenly spaced, latency from when each was due): ${fmt(fixed.rps)} req/s, p50 ${fmt(fixed.p50)} ms, p99 ${fmt(fixed.p99)} ms, max ${fmt(fixed.max)} ms`,
    );
    const bursts = await load(server.origin, targets[0], { connections: CONNECTIONS, overallRate: FIXED_RATE });
    console.log(
      `the same through autocannon's overallRate (each connection's share of a second sent back to back): p50 ${bursts.p50} ms, p99 ${bursts.p99} ms`,
    );
  } finally {
    server.stop();
  }
}

onThrowawayDatabase("bench_api", "the JSON API under load", run).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
