import "server-only";
import { eq, sql } from "drizzle-orm";
import type { ResultSetHeader } from "mysql2";
import type { Executor, Transaction } from "@/lib/db/client";
import { sandboxState } from "@/lib/db/schema";

// The single row that holds the global resourceVersion counter (id 1).
const STATE_ID = 1;
let ensured: Promise<void> | null = null;

export function ensureState(db: Executor): Promise<void> {
  ensured ??= db
    .insert(sandboxState)
    .ignore()
    .values({ id: STATE_ID, resourceVersion: 0, compactedVersion: 0 })
    .then(() => undefined)
    .catch((error: unknown) => {
      ensured = null;
      throw error;
    });
  return ensured;
}

/** Takes the counter row lock: every write transaction holds it, so writes commit in resourceVersion order. */
export async function lockState(tx: Transaction): Promise<void> {
  await tx.select({ id: sandboxState.id }).from(sandboxState).where(eq(sandboxState.id, STATE_ID)).for("update");
}

/** The next resourceVersion, allocated atomically inside the caller's transaction. */
export async function allocateResourceVersion(tx: Transaction): Promise<number> {
  const [result] = (await tx.execute(
    sql`UPDATE sandbox_state SET resource_version = LAST_INSERT_ID(resource_version + 1) WHERE id = ${STATE_ID}`,
  )) as unknown as [ResultSetHeader];
  return Number(result.insertId);
}

export async function readState(db: Executor): Promise<{ resourceVersion: number; compactedVersion: number }> {
  const [row] = await db
    .select({ resourceVersion: sandboxState.resourceVersion, compactedVersion: sandboxState.compactedVersion })
    .from(sandboxState)
    .where(eq(sandboxState.id, STATE_ID));
  return row ?? { resourceVersion: 0, compactedVersion: 0 };
}
