import "server-only";
import { decide } from "@/lib/rbac";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { TenantCtx } from "@/lib/core/scoped-context";
import { channelDto, channelSummary, type ChannelDto, type ChannelSummaryDto } from "./dto";
import { channelOrThrow, tenantOwner } from "./channel-rows";

export const getTenantChannel = verb(
  "alert-channels.get",
  "alert-channels.read",
  async ({ ctx, input }: VerbArgs<{ name: string }, TenantCtx>): Promise<ChannelDto | ChannelSummaryDto> => {
    const row = await channelOrThrow(tenantOwner(ctx), input.name);
    return decide(ctx.actor, "alert-channels.write", ctx.scope).allow ? channelDto(row) : channelSummary(row);
  },
);
