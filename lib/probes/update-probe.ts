import "server-only";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { probes } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { probeAuditTarget } from "./audit-target";
import { probeSettings } from "./create-probe";
import { probeDto } from "./dto";
import { assertProbeTargetAllowed } from "./egress";
import { getProbeInEnvironmentOrThrow } from "./find-probe";
import { probeLocation } from "./location";
import { nextOnPhase } from "./schedule";
import type { ProbeUpdateBody } from "./schemas";
import { syncProbeObject } from "./sync-probe-object";

/** Replaces a probe's settings; a new interval or a re-enable puts it back on its phase. */
export const updateProbe = verb(
  "probes.update",
  "probes.write",
  async ({ ctx, input }: VerbArgs<{ name: string; body: ProbeUpdateBody }, EnvironmentCtx>) => {
    const loc = await probeLocation(ctx);
    await assertProbeTargetAllowed(input.body.kind, input.body.target, loc.allowPrivate);
    const row = await inTransaction(async (tx) => {
      const before = await getProbeInEnvironmentOrThrow(ctx, input.name, tx, true);
      const after = probeSettings(input.body);
      const reschedule = before.intervalSeconds !== after.intervalSeconds || (!before.enabled && after.enabled);
      const changedWhat = before.kind !== after.kind || before.target !== after.target;
      await tx
        .update(probes)
        .set({
          ...after,
          ...(reschedule ? { nextRunMs: nextOnPhase(before.id, after.intervalSeconds * 1000, Date.now()) } : {}),
          // Results of another target or kind say nothing about this one.
          ...(changedWhat
            ? { lastSuccess: null, lastRunMs: null, lastDurationMs: null, lastStatusCode: null, lastError: null }
            : {}),
        })
        .where(eq(probes.id, before.id));
      await writeAudit(tx, ctx, {
        action: "probes.update",
        tenantId: ctx.scope.tenant.id,
        target: probeAuditTarget(ctx, input.name),
        before: { name: before.name, ...probeSettings(before) },
        after: { name: before.name, ...after },
      });
      return getProbeInEnvironmentOrThrow(ctx, input.name, tx);
    });
    await syncProbeObject(ctx, row);
    return probeDto(row);
  },
);
