import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { auditDiff } from "./audit-state";
import { backendFor } from "./backend/select";
import { configDto } from "./dto";
import { listenerHub } from "./listeners/hub";
import { configTarget, locate, writeMeta } from "./location";
import { assertDataId } from "./validate-content";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** Undoes the change a history entry records; the undo is itself a history entry (source
 *  `rollback`) and an audit row. */
export const rollbackConfig = verb(
  "configs.rollback",
  "configs.write",
  async ({ ctx, input }: VerbArgs<{ dataId: string; historyId: number }, EnvironmentCtx>) => {
    assertDataId(input.dataId);
    const loc = await locate(ctx);
    const backend = await backendFor(loc);
    const meta = { ...writeMeta(ctx), source: "rollback" as const };
    const result = await inTransaction(async (tx) => {
      const done = await backend.rollback(tx, loc, input.dataId, input.historyId, meta);
      await writeAudit(tx, ctx, {
        action: "configs.rollback",
        tenantId: loc.tenantId,
        target: configTarget(ctx, input.dataId),
        ...auditDiff(done, { source: "rollback", rollbackOf: input.historyId, action: done.action }),
      });
      return done;
    });
    listenerHub().notify(loc.environmentId, input.dataId, result.after?.md5 ?? "");
    return {
      action: result.action,
      historyId: result.historyId,
      rollbackOf: input.historyId,
      config: result.after ? configDto(ctx, loc, result.after) : null,
    };
  },
);
