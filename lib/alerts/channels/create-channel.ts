import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { alertChannels } from "@/lib/db/schema";
import { uniqueOrConflict } from "@/lib/db/rows";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { AuthedContext } from "@/lib/core/context";
import type { TenantCtx } from "@/lib/core/scoped-context";
import { defaultSendResolved, splitConfig } from "./channel-config";
import { channelOrThrow, channelTarget, tenantOwner, type ChannelOwner } from "./channel-rows";
import { channelDto } from "./dto";
import type { ChannelBody } from "./schemas";

export async function createChannel(ctx: AuthedContext, o: ChannelOwner, input: ChannelBody) {
  // Addresses are checked (DNS) before the transaction, so no lock waits on a resolver.
  const { config, secrets } = await splitConfig(input, null, o.tenantId);
  return inTransaction(async (tx) => {
    await uniqueOrConflict(
      tx.insert(alertChannels).values({
        tenantId: o.tenantId,
        owner: o.owner,
        name: input.name,
        kind: input.kind,
        config,
        secrets,
        sendResolved: input.sendResolved ?? defaultSendResolved(input.kind),
      }),
      `An alert channel named '${input.name}' already exists.`,
    );
    const row = await channelOrThrow(o, input.name, tx);
    await writeAudit(tx, ctx, {
      action: "alert-channels.create",
      tenantId: o.tenantId,
      target: channelTarget(o, input.name),
      after: { name: row.name, kind: row.kind, sendResolved: row.sendResolved, config: row.config },
    });
    return channelDto(row);
  });
}

export const createTenantChannel = verb(
  "alert-channels.create",
  "alert-channels.write",
  ({ ctx, input }: VerbArgs<ChannelBody, TenantCtx>) => createChannel(ctx, tenantOwner(ctx), input),
);
