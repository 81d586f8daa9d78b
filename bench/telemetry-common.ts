// Shared by the telemetry benches: a throwaway database, timing helpers.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";

const SERVER = process.env.FACET_BENCH_DB_SERVER ?? "mysql://root@127.0.0.1:3306";

export function throwawayDatabase(prefix: string): { name: string; drop: () => Promise<void> } {
  const name = `facet_${prefix}_${Date.now()}_${process.pid}`;
  process.env.DATABASE_URL = `${SERVER}/${name}`;
  process.env.AUTH_SECRET ??= randomBytes(33).toString("base64");
  process.env.LOG_LEVEL ??= "silent";
  process.env.FACET_SELF_TELEMETRY = "off";
  process.env.FACET_TELEMETRY_RETENTION = "off";
  return {
    name,
    drop: async () => {
      const admin = await mysql.createConnection({ uri: `${SERVER}/` });
      await admin.query("DROP DATABASE IF EXISTS ??", [name]);
      await admin.end();
    },
  };
}

export function migrateAndSeed(): void {
  execFileSync("npx", ["tsx", "scripts/migrate.ts"], { stdio: "ignore", env: process.env });
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { stdio: "ignore", env: process.env });
}

/** Runs a bench on its own database: made, migrated and seeded first, dropped afterwards
 *  whatever happens. `describe` names what the bench does, after the database. */
export async function onThrowawayDatabase(prefix: string, describe: string, run: () => Promise<void>): Promise<void> {
  const db = throwawayDatabase(prefix);
  console.log(`throwaway database ${db.name}; ${describe}`);
  try {
    migrateAndSeed();
    await run();
  } finally {
    await db.drop();
  }
}

export const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Runs `count` tasks `width` at a time; returns each task's latency in ms. */
export async function timed(count: number, width: number, task: (i: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        const started = performance.now();
        await task(i);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** A sandbox-cluster ingest token written straight to the bench's database. */
export async function benchIngestToken(): Promise<string> {
  const { getPool } = await import("../lib/db/client");
  const { hashIngestToken } = await import("../lib/telemetry/ingest/token-auth");
  const token = `fit_${randomBytes(32).toString("base64url")}`;
  await getPool().query(
    "INSERT INTO ingest_tokens (name, token_hash, prefix, cluster_id, created_by) SELECT 'bench', ?, 'fit_bench', id, 'bench' FROM clusters WHERE name = 'sandbox'",
    [hashIngestToken(token)],
  );
  return token;
}

export interface Sustained {
  /** Bodies acknowledged with the accepted status. */
  sent: number;
  /** Answers 429/503, each retried after 50 ms as an SDK would. */
  refused: number;
  /** Dropped connections, retried. */
  resets: number;
  seconds: number;
}

/**
 * Sends pre-encoded bodies `concurrency` at a time for `seconds` (or until they run out), each
 * until it is accepted: 429/503 and dropped connections are retried, any other answer fails.
 */
export async function sustain(
  bodies: Buffer[],
  opts: { concurrency: number; seconds: number; accepted: number; send: (body: Buffer) => Promise<Response> },
): Promise<Sustained> {
  let next = 0;
  const result: Sustained = { sent: 0, refused: 0, resets: 0, seconds: 0 };
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (performance.now() < deadline && next < bodies.length) {
        const body = bodies[next++];
        for (;;) {
          const res = await opts.send(body).catch(() => null);
          if (!res) {
            result.resets++;
            continue;
          }
          await res.arrayBuffer();
          if (res.status === opts.accepted) break;
          if (res.status !== 429 && res.status !== 503) throw new Error(`answered ${res.status}`);
          result.refused++;
          await new Promise((r) => setTimeout(r, 50));
        }
        result.sent++;
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
