import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { auditDiff } from "./audit-state";
import { backendFor } from "./backend/select";
import { listenerHub } from "./listeners/hub";
import { configTarget, locate, writeMeta, type Channel } from "./location";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

export const deleteConfig = verb(
  "configs.delete",
  "configs.write",
  async ({
    ctx,
    input,
  }: VerbArgs<{ dataId: string; expectedVersion?: number; channel?: Channel }, EnvironmentCtx>): Promise<void> => {
    const loc = await locate(ctx);
    const backend = await backendFor(loc, input.channel && "embedded");
    const meta = writeMeta(ctx, input.channel);
    await inTransaction(async (tx) => {
      const done = await backend.remove(tx, loc, input.dataId, meta, input.expectedVersion);
      await writeAudit(tx, ctx, {
        action: "configs.delete",
        tenantId: loc.tenantId,
        target: configTarget(ctx, input.dataId),
        ...auditDiff(done, { source: meta.source }),
      });
    });
    listenerHub().notify(loc.environmentId, input.dataId, "");
  },
);
