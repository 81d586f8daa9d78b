import "server-only";
import { joinSql, sqlIdentifier, sqlText } from "@/lib/db/sql-text";
import type { PoolConnection } from "mysql2/promise";
import { APM_BUCKETS, bucketOf } from "./histogram";

export interface RollupCell {
  nsId: number;
  minute: number;
  service: string;
  operation: string;
  calls: number;
  errors: number;
  sumUs: number;
  maxUs: number;
  buckets: Uint32Array;
}

export type Rollup = Map<string, RollupCell>;

/** Entry spans are what APM counts: requests a service handled (server, consumer, or roots). */
export const isEntrySpan = (kind: number, hasParent: boolean) => kind === 2 || kind === 5 || !hasParent;

export function addToRollup(
  rollup: Rollup,
  nsId: number,
  startUs: number,
  service: string,
  operation: string,
  durationUs: number,
  error: boolean,
): void {
  const minute = Math.floor(startUs / 60_000_000);
  const key = `${nsId}\u0000${minute}\u0000${service}\u0000${operation}`;
  let cell = rollup.get(key);
  if (!cell) {
    cell = {
      nsId,
      minute,
      service,
      operation,
      calls: 0,
      errors: 0,
      sumUs: 0,
      maxUs: 0,
      buckets: new Uint32Array(APM_BUCKETS),
    };
    rollup.set(key, cell);
  }
  cell.calls++;
  if (error) cell.errors++;
  cell.sumUs += durationUs;
  if (durationUs > cell.maxUs) cell.maxUs = durationUs;
  cell.buckets[bucketOf(durationUs)]++;
}

function merge(rollups: Rollup[]): RollupCell[] {
  if (rollups.length === 1) return [...rollups[0].values()];
  const into: Rollup = new Map();
  for (const r of rollups) {
    for (const [key, cell] of r) {
      const have = into.get(key);
      if (!have) {
        into.set(key, { ...cell, buckets: cell.buckets.slice() });
        continue;
      }
      have.calls += cell.calls;
      have.errors += cell.errors;
      have.sumUs += cell.sumUs;
      have.maxUs = Math.max(have.maxUs, cell.maxUs);
      for (let i = 0; i < APM_BUCKETS; i++) have.buckets[i] += cell.buckets[i];
    }
  }
  return [...into.values()];
}

const H = Array.from({ length: APM_BUCKETS }, (_, i) => `h${i}`);
const H_COLUMNS = joinSql(
  H.map((h) => sqlIdentifier(h, H)),
  ",",
);
const H_ADD = joinSql(
  H.map((h) => {
    const column = sqlIdentifier(h, H);
    return sqlText`${column}=${column}+VALUES(${column})`;
  }),
  ",",
);
// `VALUES ?` with an array of rows: mysql2 escapes every value.
const UPSERT = sqlText`INSERT INTO telemetry_apm_rollups (ns_id,minute,service,operation,calls,errors,duration_sum_us,duration_max_us,${H_COLUMNS}) VALUES ?
  ON DUPLICATE KEY UPDATE calls=calls+VALUES(calls),errors=errors+VALUES(errors),duration_sum_us=duration_sum_us+VALUES(duration_sum_us),
  duration_max_us=GREATEST(duration_max_us,VALUES(duration_max_us)),${H_ADD}`;

/** Adds the batch's cells to the stored rollups, in key order so concurrent writers lock alike. */
export async function upsertRollups(conn: PoolConnection, rollups: Rollup[]): Promise<void> {
  const cells = merge(rollups).sort(
    (a, b) =>
      a.nsId - b.nsId ||
      a.minute - b.minute ||
      (a.service < b.service ? -1 : a.service > b.service ? 1 : 0) ||
      (a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0),
  );
  if (!cells.length) return;
  const rows = cells.map((c) => [
    c.nsId,
    c.minute,
    c.service,
    c.operation,
    c.calls,
    c.errors,
    Math.round(c.sumUs),
    Math.round(c.maxUs),
    ...c.buckets,
  ]);
  await conn.query(UPSERT.text, [rows]);
}
