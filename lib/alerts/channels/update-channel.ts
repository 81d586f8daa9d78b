import "server-only";
import { eq, sql } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { inTransaction } from "@/lib/db/transaction";
import { alertChannels, type AlertChannelRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { assertVersion } from "@/lib/db/rows";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { AuthedContext } from "@/lib/core/context";
import type { TenantCtx } from "@/lib/core/scoped-context";
import { defaultSendResolved, loadChannel, splitConfig, type LoadedChannel } from "./channel-config";
import { channelOrThrow, channelTarget, lockChannel, tenantOwner, type ChannelOwner } from "./channel-rows";
import { channelDto } from "./dto";
import type { ChannelBody } from "./schemas";

/** Secrets sealed under another AUTH_SECRET cannot be kept: the body must give them again. */
function openedOrNull(row: AlertChannelRow): LoadedChannel | null {
  try {
    return loadChannel(row);
  } catch {
    return null;
  }
}

export type UpdateInput = { name: string; body: ChannelBody; expectedVersion?: number };

export async function updateChannel(ctx: AuthedContext, o: ChannelOwner, input: UpdateInput) {
  if (input.body.name !== input.name)
    throw new AppError("VALIDATION", "A channel cannot be renamed.", {
      errors: [{ path: "body.name", message: `Use '${input.name}', the channel's name.` }],
    });
  // Read (unlocked) to merge kept secrets and check addresses outside the transaction; the
  // version check below refuses the write if the row changed meanwhile.
  const current = await channelOrThrow(o, input.name);
  const { config, secrets } = await splitConfig(input.body, openedOrNull(current), o.tenantId);
  return inTransaction(async (tx) => {
    const before = await lockChannel(tx, o, input.name);
    assertVersion(before, input.expectedVersion);
    if (before.version !== current.version)
      throw new AppError("CONFLICT", "The channel changed while it was being saved; try again.");
    await tx
      .update(alertChannels)
      .set({
        kind: input.body.kind,
        config,
        secrets,
        sendResolved: input.body.sendResolved ?? defaultSendResolved(input.body.kind),
        version: sql`${alertChannels.version} + 1`,
      })
      .where(eq(alertChannels.id, before.id));
    const after = await channelOrThrow(o, input.name, tx);
    await writeAudit(tx, ctx, {
      action: "alert-channels.update",
      tenantId: o.tenantId,
      target: channelTarget(o, input.name),
      before: { kind: before.kind, sendResolved: before.sendResolved, config: before.config },
      after: { kind: after.kind, sendResolved: after.sendResolved, config: after.config },
    });
    return channelDto(after);
  });
}

export const updateTenantChannel = verb(
  "alert-channels.update",
  "alert-channels.write",
  ({ ctx, input }: VerbArgs<UpdateInput, TenantCtx>) => updateChannel(ctx, tenantOwner(ctx), input),
);
