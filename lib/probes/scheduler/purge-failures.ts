import "server-only";
import type { ResultSetHeader } from "mysql2";
import { getPool } from "@/lib/db/client";
import { retentionDays } from "@/lib/telemetry/store/retention";

/** Drops failure reasons older than the telemetry retention (their points are gone too), in chunks,
 *  and hourly run counts older than eight days. */
export async function purgeProbeFailures(now = Date.now(), days = retentionDays()): Promise<number> {
  const cutoff = now - days * 24 * 3600_000;
  let total = 0;
  for (;;) {
    const [res] = await getPool().query<ResultSetHeader>("DELETE FROM probe_failures WHERE time_ms < ? LIMIT 10000", [
      cutoff,
    ]);
    total += res.affectedRows;
    if (res.affectedRows < 10_000) break;
  }
  // Hourly counts serve the 7 d uptime: a day more than that is kept.
  await getPool().query("DELETE FROM probe_uptime_hours WHERE hour < ?", [Math.floor(now / 3600_000) - 8 * 24]);
  return total;
}
