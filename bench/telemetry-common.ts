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
