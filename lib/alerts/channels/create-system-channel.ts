import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { SYSTEM_OWNER } from "./channel-rows";
import type { ChannelBody } from "./schemas";
import { createChannel } from "./create-channel";

export const createSystemChannel = verb(
  "alert-channels.system.create",
  "alert-channels.system.write",
  ({ ctx, input }: VerbArgs<ChannelBody>) => createChannel(ctx, SYSTEM_OWNER, input),
);
