import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { auditDiff } from "./audit-state";
import { backendFor } from "./backend/select";
import type { PublishRequest } from "./backend/types";
import { configDto } from "./dto";
import { listenerHub } from "./listeners/hub";
import { configTarget, locate, writeMeta, type Channel } from "./location";
import { retryOnDuplicate } from "./retry";
import { assertContent, assertDataId } from "./validate-content";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** Create or update a config (with casMd5 and If-Match), its history row and audit row;
 *  waiting listeners hear of it as soon as it commits. */
export const publishConfig = verb(
  "configs.publish",
  "configs.write",
  async ({ ctx, input }: VerbArgs<PublishRequest & { channel?: Channel }, EnvironmentCtx>) => {
    assertDataId(input.dataId);
    assertContent(input.content, input.type);
    const loc = await locate(ctx);
    const backend = await backendFor(loc, input.channel && "embedded");
    const meta = writeMeta(ctx, input.channel);
    const result = await retryOnDuplicate(() =>
      inTransaction(async (tx) => {
        const done = await backend.publish(tx, loc, input, meta);
        await writeAudit(tx, ctx, {
          action: "configs.publish",
          tenantId: loc.tenantId,
          target: configTarget(ctx, input.dataId),
          ...auditDiff(done, { source: meta.source }),
        });
        return done;
      }),
    );
    listenerHub().notify(loc.environmentId, input.dataId, result.after!.md5);
    return configDto(ctx, loc, result.after!);
  },
);
