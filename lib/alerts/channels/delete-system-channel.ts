import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { SYSTEM_OWNER } from "./channel-rows";
import { deleteChannel } from "./delete-channel";

export const deleteSystemChannel = verb(
  "alert-channels.system.delete",
  "alert-channels.system.write",
  ({ ctx, input }: VerbArgs<{ name: string }>) => deleteChannel(ctx, SYSTEM_OWNER, input.name),
);
