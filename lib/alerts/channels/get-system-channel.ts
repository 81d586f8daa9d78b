import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { channelDto } from "./dto";
import { channelOrThrow, SYSTEM_OWNER } from "./channel-rows";

export const getSystemChannel = verb(
  "alert-channels.system.get",
  "alert-channels.system.read",
  async ({ input }: VerbArgs<{ name: string }>) => channelDto(await channelOrThrow(SYSTEM_OWNER, input.name)),
);
