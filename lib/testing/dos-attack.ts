// The DoS acceptance scenario, shared by the load test and bench/dos-health.ts: 200 slow or
// huge Nacos listener requests and 32 slow OTLP uploads from one token, while /api/health is
// polled and another tenant keeps exporting. Reports latencies and every status seen.
import { spawn } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { RouteServer } from "./route-server";

export interface DosTarget {
  /** Serves app/api (health, OTLP). */
  api: RouteServer;
  /** Serves app/nacos. */
  nacos: RouteServer;
  /** A config key's Nacos credentials. */
  key: { username: string; password: string; namespace: string; group: string };
  /** The attacker's ingest token, and another tenant's. */
  attackerToken: string;
  bystanderToken: string;
}

export interface DosOptions {
  listeners?: number;
  uploads?: number;
  /** How long health is measured once the attack is under way. */
  durationMs?: number;
  /** Pause between two health probes. */
  healthEveryMs?: number;
}

export interface DosResult {
  health: { samples: number; p50: number; p99: number; max: number; failures: number };
  /** The server process's event-loop delay during the attack, ms. */
  eventLoopDelay: { p99: number; max: number };
  /** Status → count, for the listener requests and the attacker's uploads (0: still open, dropped). */
  listenerStatuses: Record<number, number>;
  uploadStatuses: Record<number, number>;
  /** The bystander's exports during the attack. */
  bystander: { sent: number; ok: number; p99: number };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the attacker process; resolves once its bodies are built, with a trigger and its report. */
async function startAttacker(target: DosTarget, listeners: number, uploads: number, durationMs: number) {
  const settings = {
    api: target.api.origin,
    nacos: target.nacos.origin,
    key: target.key,
    attackerToken: target.attackerToken,
    listeners,
    uploads,
    durationMs,
  };
  // Niced: on a real network the attacker's CPU is not the server's.
  const child = spawn(
    "nice",
    [
      "-n",
      "19",
      process.execPath,
      fileURLToPath(new URL("./dos-attacker.mjs", import.meta.url)),
      JSON.stringify(settings),
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  if ((await lines.next()).value !== "ready") throw new Error("the attacker did not start");
  return {
    go: async (): Promise<{ listeners: Record<number, number>; uploads: Record<number, number> }> => {
      child.stdin!.write("go\n");
      const report = await lines.next();
      child.stdin!.end();
      return JSON.parse(report.value as string);
    },
  };
}

/**
 * Runs each path the attack will take once, before the clock starts: modules load and compile
 * on first use, synchronously, and a first-use stall is start-up cost, not the attack's.
 */
async function warmUp(target: DosTarget): Promise<void> {
  const { key } = target;
  const record = (dataId: string, md5: string) => `${dataId}\u0002${key.group}\u0002${md5}\u0002${key.namespace}\u0001`;
  const listen = (records: string[], headers: Record<string, string> = {}) =>
    fetch(`${target.nacos.origin}/nacos/v1/cs/configs/listener`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({
        "Listening-Configs": records.join(""),
        username: key.username,
        password: key.password,
        tenant: key.namespace,
      }).toString(),
    }).then((r) => r.arrayBuffer());
  const bodies = [
    // A held listener answered at once, one with a malformed md5, one over the key limit.
    () =>
      listen([record("warm.yaml", "")], { "Long-Pulling-Timeout": "30000", "Long-Pulling-Timeout-No-Hangup": "true" }),
    () => listen([record("warm.yaml", "x".repeat(40))]),
    () => listen(Array.from({ length: 3001 }, (_, k) => record(`warm-${k}.yaml`, ""))),
    () =>
      fetch(`${target.api.origin}/api/otlp/v1/traces`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${target.bystanderToken}` },
        body: "{}",
      }).then((r) => r.arrayBuffer()),
    () => fetch(`${target.api.origin}/api/health`).then((r) => r.arrayBuffer()),
  ];
  for (let round = 0; round < 3; round++) for (const send of bodies) await send();
}

export async function runDosAttack(target: DosTarget, options: DosOptions = {}): Promise<DosResult> {
  const { listeners = 200, uploads = 32, durationMs = 6000, healthEveryMs = 10 } = options;
  await warmUp(target);
  const attacker = await startAttacker(target, listeners, uploads, durationMs);
  let stop = false;

  const health = (async () => {
    const latencies: number[] = [];
    let failures = 0;
    while (!stop) {
      const started = performance.now();
      const res = await fetch(`${target.api.origin}/api/health`).catch(() => null);
      if (res) await res.arrayBuffer();
      latencies.push(performance.now() - started);
      if (res?.status !== 200) failures++;
      await sleep(healthEveryMs);
    }
    return { latencies: latencies.sort((a, b) => a - b), failures };
  })();

  const bystander = (async () => {
    const latencies: number[] = [];
    let ok = 0;
    while (!stop) {
      const started = performance.now();
      const res = await fetch(`${target.api.origin}/api/otlp/v1/traces`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${target.bystanderToken}` },
        body: "{}",
      }).catch(() => null);
      if (res) await res.arrayBuffer();
      latencies.push(performance.now() - started);
      if (res?.status === 200) ok++;
      await sleep(50);
    }
    return {
      sent: latencies.length,
      ok,
      p99: quantile(
        latencies.sort((a, b) => a - b),
        0.99,
      ),
    };
  })();

  // Health is measured from the first request of the attack, burst included, to its end.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const report = await attacker.go();
  lag.disable();
  stop = true;
  const measured = await health;
  return {
    health: {
      samples: measured.latencies.length,
      p50: quantile(measured.latencies, 0.5),
      p99: quantile(measured.latencies, 0.99),
      max: measured.latencies.at(-1) ?? NaN,
      failures: measured.failures,
    },
    eventLoopDelay: { p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 },
    listenerStatuses: report.listeners,
    uploadStatuses: report.uploads,
    bystander: await bystander,
  };
}

export function formatDosResult(r: DosResult): string {
  const f = (n: number) => n.toFixed(1);
  return [
    `/api/health under attack: ${r.health.samples} probes, p50 ${f(r.health.p50)} ms, p99 ${f(r.health.p99)} ms, max ${f(r.health.max)} ms, ${r.health.failures} failed`,
    `event-loop delay of the measuring process: p99 ${f(r.eventLoopDelay.p99)} ms, max ${f(r.eventLoopDelay.max)} ms`,
    `listener requests by status: ${JSON.stringify(r.listenerStatuses)} (0 = still held or trickling when the attack ended)`,
    `attacker's slow uploads by status: ${JSON.stringify(r.uploadStatuses)}`,
    `another tenant's exports meanwhile: ${r.bystander.ok}/${r.bystander.sent} accepted, p99 ${f(r.bystander.p99)} ms`,
  ].join("\n");
}
