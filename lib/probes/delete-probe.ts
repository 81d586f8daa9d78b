import "server-only";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { probes } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { probeAuditTarget } from "./audit-target";
import { probeSettings } from "./create-probe";
import { getProbeInEnvironmentOrThrow } from "./find-probe";
import { removeProbeObject } from "./sync-probe-object";

/** Deletes a probe and its failures; its metric points age out with the environment's telemetry. */
export const deleteProbe = verb(
  "probes.delete",
  "probes.write",
  async ({ ctx, input }: VerbArgs<{ name: string }, EnvironmentCtx>): Promise<void> => {
    await inTransaction(async (tx) => {
      const row = await getProbeInEnvironmentOrThrow(ctx, input.name, tx, true);
      await tx.delete(probes).where(eq(probes.id, row.id));
      await writeAudit(tx, ctx, {
        action: "probes.delete",
        tenantId: ctx.scope.tenant.id,
        target: probeAuditTarget(ctx, input.name),
        before: { name: row.name, ...probeSettings(row) },
      });
    });
    await removeProbeObject(ctx, input.name);
  },
);
