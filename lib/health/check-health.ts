import "server-only";
import type { Pool } from "mysql2/promise";
import { getHealthPool } from "@/lib/db/client";

export interface Health {
  status: "ok" | "degraded";
  db: "ok" | "unreachable";
}

/** Pings the database with a bounded wait. */
export async function checkHealth(pool: Pool = getHealthPool(), timeoutMs = 2_000): Promise<Health> {
  try {
    await Promise.race([
      pool.query("SELECT 1"),
      new Promise((_, reject) => setTimeout(() => reject(new Error("database ping timed out")), timeoutMs).unref()),
    ]);
    return { status: "ok", db: "ok" };
  } catch {
    return { status: "degraded", db: "unreachable" };
  }
}
