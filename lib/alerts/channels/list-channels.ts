import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { alertChannels } from "@/lib/db/schema";
import { decide } from "@/lib/rbac";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { TenantCtx } from "@/lib/core/scoped-context";
import { channelDtos, channelSummary, type ChannelDto, type ChannelSummaryDto } from "./dto";
import { SYSTEM_OWNER, tenantOwner } from "./channel-rows";

const MAX = 500;

export const rowsOf = (owner: number) =>
  getDb()
    .select()
    .from(alertChannels)
    .where(eq(alertChannels.owner, owner))
    .orderBy(asc(alertChannels.name))
    .limit(MAX);

/** A tenant's channels: in full for its admins; names and kinds for members (who pick receivers).
 *  `system` names the system-wide channels a rule may also use. */
export const listTenantChannels = verb(
  "alert-channels.list",
  "alert-channels.read",
  async ({
    ctx,
  }: VerbArgs<undefined, TenantCtx>): Promise<{
    items: (ChannelDto | ChannelSummaryDto)[];
    system: ChannelSummaryDto[];
  }> => {
    const [rows, system] = await Promise.all([rowsOf(tenantOwner(ctx).owner), rowsOf(SYSTEM_OWNER.owner)]);
    const full = decide(ctx.actor, "alert-channels.write", ctx.scope).allow;
    return { items: full ? await channelDtos(rows) : rows.map(channelSummary), system: system.map(channelSummary) };
  },
);
