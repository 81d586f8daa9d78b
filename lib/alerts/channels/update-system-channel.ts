import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { SYSTEM_OWNER } from "./channel-rows";
import { updateChannel, type UpdateInput } from "./update-channel";

export const updateSystemChannel = verb(
  "alert-channels.system.update",
  "alert-channels.system.write",
  ({ ctx, input }: VerbArgs<UpdateInput>) => updateChannel(ctx, SYSTEM_OWNER, input),
);
