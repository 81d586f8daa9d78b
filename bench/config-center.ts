// Config center bench: publishes/s (each with its history row), gets/s, and the delay from a
// publish to a waiting listener's answer, against Facet's Nacos v1 handlers served over HTTP
// on loopback, with a throwaway database. Run: npm run bench:config-center
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";

const SERVER = process.env.FACET_BENCH_DB_SERVER ?? "mysql://root@127.0.0.1:3306";
const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 400);
const GETS = Number(process.env.BENCH_GETS ?? 2000);
const ROUNDS = Number(process.env.BENCH_LISTENER_ROUNDS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

const database = `facet_bench_${Date.now()}_${process.pid}`;
process.env.DATABASE_URL = `${SERVER}/${database}`;
process.env.AUTH_SECRET ??= randomBytes(33).toString("base64");
process.env.LOG_LEVEL ??= "silent";

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const fmt = (n: number) => n.toFixed(1);

/** Runs `count` tasks, `width` at a time. */
async function pool(count: number, width: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

async function main() {
  console.log(`throwaway database ${database}`);
  try {
    await run();
  } finally {
    const admin = await mysql.createConnection({ uri: `${SERVER}/` });
    await admin.query("DROP DATABASE IF EXISTS ??", [database]);
    await admin.end();
  }
}

async function run() {
  execFileSync("npx", ["tsx", "scripts/migrate.ts"], { stdio: "ignore", env: process.env });
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { stdio: "ignore", env: process.env });

  const { api, expectOk, generousQuota, sysadminToken } = await import("../lib/testing/world");
  const { uniqueName } = await import("../lib/testing/factories");
  const { startRouteServer } = await import("../lib/testing/route-server");
  const { listenerHub } = await import("../lib/config-center/listeners/hub");
  const { md5Hex } = await import("../lib/config-center/md5");
  const { closeDb, getPool } = await import("../lib/db/client");

  const root = await sysadminToken();
  const tenant = uniqueName("bench");
  const project = `/api/v1/tenants/${tenant}/projects/shop`;
  await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: tenant } }), 201);
  await expectOk(api("PUT", `/api/v1/tenants/${tenant}/quotas/sandbox`, { token: root, body: generousQuota }));
  await expectOk(api("POST", `/api/v1/tenants/${tenant}/projects`, { token: root, body: { name: "shop" } }), 201);
  await expectOk(
    api("POST", `${project}/environments`, {
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
  const key = await expectOk<{ username: string; password: string; namespace: string; group: string }>(
    api("POST", `${project}/environments/dev/config-keys`, {
      token: root,
      body: { name: "bench", access: "read-write" },
    }),
    201,
  );
  const server = await startRouteServer("app/nacos");
  const auth = { username: key.username, password: key.password, tenant: key.namespace, group: key.group };
  const form = (params: Record<string, string>, headers: Record<string, string> = {}) => ({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded; charset=GBK", ...headers },
    body: new URLSearchParams({ ...auth, ...params }).toString(),
  });
  const publish = async (dataId: string, content: string) => {
    const res = await fetch(`${server.origin}/nacos/v1/cs/configs`, form({ dataId, content, type: "properties" }));
    if ((await res.text()) !== "true") throw new Error(`publish answered ${res.status}`);
  };

  try {
    const content = (i: number) => `app.name=bench\napp.counter=${i}\n${"x".repeat(512)}\n`;
    const publishSeconds = await pool(PUBLISHES, CONCURRENCY, (i) => publish(`bench-${i % 20}.properties`, content(i)));

    const getSeconds = await pool(GETS, CONCURRENCY * 2, async (i) => {
      const url = new URL(`${server.origin}/nacos/v1/cs/configs`);
      for (const [k, v] of Object.entries({ ...auth, dataId: `bench-${i % 20}.properties` }))
        url.searchParams.set(k, v);
      const res = await fetch(url);
      if (res.status !== 200) throw new Error(`get answered ${res.status}`);
      await res.arrayBuffer();
    });

    const delays: number[] = [];
    let current = "";
    await publish("watched.properties", (current = "round=-1"));
    for (let round = 0; round < ROUNDS; round++) {
      const hub = listenerHub();
      const probe = `watched.properties\u0002${key.group}\u0002${md5Hex(current)}\u0002${key.namespace}\u0001`;
      const answer = fetch(
        `${server.origin}/nacos/v1/cs/configs/listener`,
        form({ "Listening-Configs": probe }, { "Long-Pulling-Timeout": "30000" }),
      ).then((r) => r.text());
      while (hub.waiterCount === 0) await new Promise((r) => setTimeout(r, 1));
      const sent = performance.now();
      const published = publish("watched.properties", (current = `round=${round}`));
      const body = await answer;
      delays.push(performance.now() - sent);
      await published;
      if (!decodeURIComponent(body).startsWith("watched.properties")) throw new Error(`listener answered '${body}'`);
    }
    delays.sort((a, b) => a - b);

    const [[{ n: historyRows }]] = (await getPool().query("SELECT COUNT(*) AS n FROM config_history")) as unknown as [
      [{ n: number }],
    ];
    console.log(
      `publishes: ${PUBLISHES} in ${fmt(publishSeconds)} s → ${fmt(PUBLISHES / publishSeconds)} publishes/s (concurrency ${CONCURRENCY}; ${historyRows} history rows in all)`,
    );
    console.log(
      `gets:      ${GETS} in ${fmt(getSeconds)} s → ${fmt(GETS / getSeconds)} gets/s (concurrency ${CONCURRENCY * 2})`,
    );
    console.log(
      `publish → waiting listener answered: p50 ${fmt(quantile(delays, 0.5))} ms, p99 ${fmt(quantile(delays, 0.99))} ms, max ${fmt(delays[delays.length - 1])} ms (${ROUNDS} rounds)`,
    );
  } finally {
    await server.close();
    await closeDb();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
