import "server-only";
import { eq } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { alertChannels } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { AuthedContext } from "@/lib/core/context";
import type { TenantCtx } from "@/lib/core/scoped-context";
import { channelTarget, lockChannel, tenantOwner, type ChannelOwner } from "./channel-rows";

/** Its queued deliveries go with it (foreign key cascade); rules naming it just skip it. */
export async function deleteChannel(ctx: AuthedContext, o: ChannelOwner, name: string): Promise<void> {
  await inTransaction(async (tx) => {
    const row = await lockChannel(tx, o, name);
    await tx.delete(alertChannels).where(eq(alertChannels.id, row.id));
    await writeAudit(tx, ctx, {
      action: "alert-channels.delete",
      tenantId: o.tenantId,
      target: channelTarget(o, name),
      before: { name: row.name, kind: row.kind, sendResolved: row.sendResolved, config: row.config },
    });
  });
}

export const deleteTenantChannel = verb(
  "alert-channels.delete",
  "alert-channels.write",
  ({ ctx, input }: VerbArgs<{ name: string }, TenantCtx>) => deleteChannel(ctx, tenantOwner(ctx), input.name),
);
