// Inference bench: the built-in V2 runtime's text model (sentiment-en) through Facet's V2 path,
// on a throwaway database. Reports requests/s and p50/p95 latency, then /api/health p99 while 50
// inference requests are in flight at once. Targets: inference p95 ≤ 20 ms; health p99 ≤ 100 ms.
// Run: npm run bench:inference
// Env: BENCH_LATENCY_REQUESTS (500), BENCH_REQUESTS (3000), BENCH_CONCURRENCY (8),
//      BENCH_LOAD_CONCURRENCY (50), BENCH_DURATION_MS (6000).
// The V2 path: the model-deployments passthrough route when it is in the tree (a sandbox
// deployment, called with a bearer token); without it, serveV2 over one shared pool behind a
// minimal HTTP route in the same process as /api/health (the bench says which it used).
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fmt, onThrowawayDatabase, quantile, timed } from "./telemetry-common";

const LATENCY_REQUESTS = Number(process.env.BENCH_LATENCY_REQUESTS ?? 500);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const LOAD_CONCURRENCY = Number(process.env.BENCH_LOAD_CONCURRENCY ?? 50);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 6000);
const DEPLOYMENTS_ROUTE =
  "app/api/v1/tenants/[tenant]/projects/[project]/environments/[environment]/model-deployments/[name]/v2/[...path]/route.ts";

const TEXTS = ["I love this", "I hate this", "The delivery was fine, the box was damaged", "Great support!"];
const body = (i: number) =>
  JSON.stringify({
    id: `bench-${i}`,
    inputs: [
      { name: "args", shape: [1], datatype: "BYTES", parameters: { content_type: "str" }, data: [TEXTS[i % 4]] },
    ],
  });

interface Target {
  how: string;
  url: string;
  headers: Record<string, string>;
  close(): Promise<void>;
}

/** serveV2 over one pool, behind a minimal route: what the passthrough does, minus auth and scope. */
async function directTarget(): Promise<Target> {
  const { createRuntimePool } = await import("../lib/models/runtime/pool");
  const { serveV2 } = await import("../lib/models/runtime/serve-v2");
  const pool = createRuntimePool();
  const served = { name: "reviews", implementation: "sentiment-en", version: "v1" };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const path = (req.url ?? "/").replace(/^\/v2\/?/, "").split("/");
      const answer = await serveV2(pool, served, req.method ?? "GET", path, async () =>
        JSON.parse(Buffer.concat(chunks).toString("utf8")),
      );
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(answer.body === null ? "" : JSON.stringify(answer.body));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    how: "serveV2 + shared runtime pool behind a minimal route (the deployments passthrough is not in this tree)",
    url: `http://127.0.0.1:${port}/v2/models/reviews/infer`,
    headers: {},
    close: async () => {
      pool.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A sandbox deployment of library/sentiment-en, called through its V2 passthrough route. */
async function deploymentTarget(origin: string): Promise<Target> {
  const { api, expectOk, sandboxEnvironment, sysadminToken, tenantProject } = await import("../lib/testing/world");
  const root = await sysadminToken();
  // What the demo seed does on a real install: the library's built-in models and the `facet` source.
  const { publishBuiltinModels } = await import("../lib/models/builtin-catalog/publish-builtin-models");
  const { seedModelSources } = await import("../lib/models/catalog/seed-model-sources");
  const { authenticateToken } = await import("../lib/auth/authenticate-token");
  const seedCtx = { actor: await authenticateToken(root), scope: {}, requestId: "bench", clientAddress: null };
  await publishBuiltinModels(seedCtx);
  await seedModelSources(seedCtx);
  const env = await sandboxEnvironment(root, await tenantProject(root, `bench-inf-${Date.now()}`), "dev");
  await expectOk(api("POST", `${env}/sync`, { token: root })); // its namespace on the sandbox, now
  type Dto = { status: { phase: string; reason: string | null }; endpoint: string; servedModelName: string };
  const body = {
    name: "sentiment",
    source: "facet",
    model: "sentiment-en",
    version: "v1",
    replicas: 1,
    resources: { cpu: "250m", memory: "256Mi" },
  };
  // Until the environment's namespace exists on the sandbox (the sync applies it).
  for (let tries = 0; ; tries++) {
    const res = await api("POST", `${env}/model-deployments`, { token: root, body });
    if (res.status === 201) break;
    if (res.status !== 404 || tries > 60)
      throw new Error(`deploying answered ${res.status}: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const deadline = Date.now() + 120_000;
  let dto: Dto;
  for (;;) {
    dto = await expectOk<Dto>(api("GET", `${env}/model-deployments/sentiment`, { token: root }));
    if (dto.status.phase === "Running") break;
    if (dto.status.phase === "Failed") throw new Error(`the deployment failed: ${dto.status.reason}`);
    if (Date.now() > deadline) throw new Error("the deployment was not Running within 120 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    how: "the model-deployments V2 passthrough route (sandbox deployment, bearer token)",
    url: `${origin}${dto.endpoint}/models/${encodeURIComponent(dto.servedModelName)}/infer`,
    headers: { authorization: `Bearer ${root}` },
    close: async () => {},
  };
}

/** What the client process is asked to do, and what it answers. */
type ClientCall = {
  url: string;
  headers: Record<string, string>;
  requests: number;
  width: number;
  durationMs?: number;
};
type ClientReply = { latencies: number[]; seconds: number } | { error: string } | { started: true };

/** Sends inference requests `width` at a time, for `requests` of them or for `durationMs`. */
async function drive(call: ClientCall): Promise<{ latencies: number[]; seconds: number }> {
  const infer = async (i: number) => {
    const res = await fetch(call.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...call.headers },
      body: body(i),
    });
    const answer = (await res.json()) as { outputs?: { data: string[] }[]; error?: string };
    if (res.status !== 200) throw new Error(`infer answered ${res.status}: ${JSON.stringify(answer)}`);
    const label = (JSON.parse(answer.outputs![0].data[0]) as { label: string }).label;
    // The answers are checked too: a fast wrong answer is no result.
    if (i % 4 === 0 && label !== "POSITIVE") throw new Error(`"I love this" → ${label}`);
    if (i % 4 === 1 && label !== "NEGATIVE") throw new Error(`"I hate this" → ${label}`);
  };
  const started = performance.now();
  if (call.durationMs === undefined) {
    const latencies = await timed(call.requests, call.width, infer);
    return { latencies, seconds: (performance.now() - started) / 1000 };
  }
  const stopAt = started + call.durationMs;
  const latencies: number[] = [];
  let n = 0;
  await Promise.all(
    Array.from({ length: call.width }, async () => {
      while (performance.now() < stopAt) {
        const t0 = performance.now();
        await infer(n++);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
}

/** The clients run in a process of their own, as real callers would: the server's event loop
 *  then carries only what Facet does (routing, /api/health, IPC to the model's worker). */
function inClientProcess(call: ClientCall, onStarted?: () => void): Promise<{ latencies: number[]; seconds: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1], [], {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, BENCH_INFERENCE_CLIENT: "1" },
    });
    child.on("message", (reply: ClientReply) => {
      if ("started" in reply) return onStarted?.();
      child.kill();
      if ("error" in reply) reject(new Error(reply.error));
      else resolve(reply);
    });
    child.once("exit", (code) => code && reject(new Error(`the client process ended with ${code}`)));
    child.send(call);
  });
}

async function run() {
  const { startRouteServer } = await import("../lib/testing/route-server");
  const { closeDb } = await import("../lib/db/client");
  const apiServer = await startRouteServer();
  // The sandbox cluster's API and controllers, as the server runs them, so the deployment's pods run.
  const { startReconcilingSandbox } = await import("../lib/testing/sandbox-harness");
  const sandbox = existsSync(DEPLOYMENTS_ROUTE) ? await startReconcilingSandbox() : null;
  const target = sandbox ? await deploymentTarget(apiServer.origin) : await directTarget();
  console.log(`V2 path: ${target.how}`);
  const call = (requests: number, width: number, durationMs?: number, onStarted?: () => void) =>
    inClientProcess({ url: target.url, headers: target.headers, requests, width, durationMs }, onStarted);
  try {
    await call(100, 4); // loads the model's worker and warms the path
    await (await fetch(`${apiServer.origin}/api/health`)).arrayBuffer(); // opens the health pool

    const one = (await call(LATENCY_REQUESTS, 1)).latencies;
    console.log(
      `one at a time, ${LATENCY_REQUESTS} requests: p50 ${fmt(quantile(one, 0.5))} ms, p95 ${fmt(quantile(one, 0.95))} ms, p99 ${fmt(quantile(one, 0.99))} ms`,
    );

    const many = await call(REQUESTS, CONCURRENCY);
    console.log(
      `${CONCURRENCY} concurrent, ${REQUESTS} requests: ${fmt(REQUESTS / many.seconds, 0)} req/s, p50 ${fmt(quantile(many.latencies, 0.5))} ms, p95 ${fmt(quantile(many.latencies, 0.95))} ms`,
    );

    // LOAD_CONCURRENCY requests in flight the whole time, /api/health polled beside them.
    let started!: () => void;
    const loadStarted = new Promise<void>((resolve) => (started = resolve));
    const load = call(0, LOAD_CONCURRENCY, DURATION_MS, () => started());
    await loadStarted;
    const stopAt = performance.now() + DURATION_MS - 100;
    const health: number[] = [];
    await new Promise((r) => setTimeout(r, 100)); // the clients reach their width
    while (performance.now() < stopAt) {
      const t0 = performance.now();
      const res = await fetch(`${apiServer.origin}/api/health`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`/api/health answered ${res.status}`);
      health.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const { latencies: loadLatencies, seconds: loadSeconds } = await load;
    health.sort((a, b) => a - b);
    console.log(
      `${LOAD_CONCURRENCY} concurrent for ${DURATION_MS} ms: ${fmt(loadLatencies.length / loadSeconds, 0)} req/s, inference p50 ${fmt(quantile(loadLatencies, 0.5))} ms, p95 ${fmt(quantile(loadLatencies, 0.95))} ms`,
    );
    console.log(
      `/api/health meanwhile, ${health.length} requests: p50 ${fmt(quantile(health, 0.5))} ms, p99 ${fmt(quantile(health, 0.99))} ms, max ${fmt(health[health.length - 1])} ms`,
    );
    const p95 = quantile(one, 0.95);
    const p99 = quantile(health, 0.99);
    console.log(p95 <= 20 ? "inference p95 within 20 ms" : "inference p95 OVER 20 ms");
    console.log(p99 <= 100 ? "health p99 within 100 ms" : "health p99 OVER 100 ms");
  } finally {
    await target.close();
    await apiServer.close();
    if (sandbox) {
      const { stopReconciler } = await import("../lib/clusters/reconcile/loop");
      stopReconciler();
      await sandbox.close();
    }
    await closeDb();
  }
}

if (process.env.BENCH_INFERENCE_CLIENT) {
  process.once("message", (call: ClientCall) => {
    process.send!({ started: true });
    drive(call).then(
      (result) => process.send!(result),
      (error: Error) => process.send!({ error: error.message }),
    );
  });
} else {
  onThrowawayDatabase(
    "inference",
    "sentiment-en through the V2 path, then /api/health under 50 concurrent inferences",
    run,
  ).then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
