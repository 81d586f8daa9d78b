import "server-only";
import { count, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { getDb } from "@/lib/db/client";
import { modelxManifests } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { LIBRARY } from "../modelx/names";
import { findSource } from "./find-source";
import type { SourceCheck } from "./schemas";
import { pagerFor } from "./sync-sources";

/** How long a check waits for the upstream's first page. */
const CHECK_TIMEOUT_MS = 10_000;

/**
 * "Check connection": reads the first page of the source's listing the way a sync would (through
 * the egress policy, bounded by a timeout) and says what came back, without importing anything.
 * Even a failed check is answered with 200: the failure is the result.
 */
export const checkModelSource = verb(
  "models.sources.check",
  "models.admin",
  async ({ ctx, input }: VerbArgs<{ source: string }>): Promise<SourceCheck> => {
    const source = await findSource(input.source);
    const started = performance.now();
    let result: Omit<SourceCheck, "latencyMs">;
    try {
      const pager = await pagerFor(source);
      if (pager === "registry") {
        const [row] = await getDb()
          .select({ n: count() })
          .from(modelxManifests)
          .where(eq(modelxManifests.repository, LIBRARY));
        result = { ok: true, models: Number(row?.n ?? 0), total: null, error: null };
      } else {
        const page = await pager(source.url, null, AbortSignal.timeout(CHECK_TIMEOUT_MS));
        result = { ok: true, models: page.models.length, total: page.total, error: null };
      }
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      result = {
        ok: false,
        models: 0,
        total: null,
        error: timedOut
          ? `no answer within ${CHECK_TIMEOUT_MS / 1000} s`
          : error instanceof Error
            ? error.message.slice(0, 500)
            : String(error),
      };
    }
    const check = { ...result, latencyMs: Math.round(performance.now() - started) };
    await inTransaction((tx) =>
      writeAudit(tx, ctx, {
        action: "models.sources.check",
        target: `model-sources/${source.name}`,
        after: { ok: check.ok, error: check.error },
      }),
    );
    return check;
  },
);
