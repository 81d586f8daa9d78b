import "server-only";
import { and, count, eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { probes } from "@/lib/db/schema";
import { uniqueOrConflict } from "@/lib/db/rows";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { probeAuditTarget } from "./audit-target";
import { MAX_PROBES_PER_ENVIRONMENT } from "./constants";
import { probeDto } from "./dto";
import { assertProbeTargetAllowed } from "./egress";
import { getProbeInEnvironmentOrThrow } from "./find-probe";
import { probeLocation } from "./location";
import { nextOnPhase } from "./schedule";
import type { ProbeBody } from "./schemas";
import { syncProbeObject } from "./sync-probe-object";

export const probeSettings = (p: Omit<ProbeBody, "name">) => ({
  kind: p.kind,
  target: p.target,
  intervalSeconds: p.intervalSeconds,
  timeoutSeconds: p.timeoutSeconds,
  checks: p.checks,
  enabled: p.enabled,
});

/** A new probe, first run on its own phase of the interval. */
export const createProbe = verb(
  "probes.create",
  "probes.write",
  async ({ ctx, input }: VerbArgs<ProbeBody, EnvironmentCtx>) => {
    const loc = await probeLocation(ctx);
    await assertProbeTargetAllowed(input.kind, input.target, loc.allowPrivate);
    const tenantId = ctx.scope.tenant.id;
    const environmentId = ctx.scope.environment.id;
    const row = await inTransaction(async (tx) => {
      // Counted under the environment's probe rows' gap locks is overkill; a racing pair may pass 200 by one.
      const [{ n }] = await tx
        .select({ n: count() })
        .from(probes)
        .where(and(eq(probes.environmentId, environmentId), eq(probes.tenantId, tenantId)));
      if (n >= MAX_PROBES_PER_ENVIRONMENT)
        throw new AppError(
          "CONFLICT",
          `Environment '${ctx.scope.environment.name}' already has ${MAX_PROBES_PER_ENVIRONMENT} probes, the most it may have. Delete one first.`,
        );
      const [{ id }] = await uniqueOrConflict(
        tx
          .insert(probes)
          .values({ tenantId, environmentId, name: input.name, ...probeSettings(input) })
          .$returningId(),
        `Environment '${ctx.scope.environment.name}' already has a probe named '${input.name}'.`,
      );
      await tx
        .update(probes)
        .set({ nextRunMs: nextOnPhase(id, input.intervalSeconds * 1000, Date.now()) })
        .where(eq(probes.id, id));
      await writeAudit(tx, ctx, {
        action: "probes.create",
        tenantId,
        target: probeAuditTarget(ctx, input.name),
        after: { name: input.name, ...probeSettings(input) },
      });
      return getProbeInEnvironmentOrThrow(ctx, input.name, tx);
    });
    await syncProbeObject(ctx, row);
    return probeDto(row);
  },
);
