import "server-only";
import { verb } from "@/lib/core/verb";
import { channelDtos, type ChannelDto } from "./dto";
import { SYSTEM_OWNER } from "./channel-rows";
import { rowsOf } from "./list-channels";

export const listSystemChannels = verb(
  "alert-channels.system.list",
  "alert-channels.system.read",
  async (): Promise<{ items: ChannelDto[] }> => ({ items: await channelDtos(await rowsOf(SYSTEM_OWNER.owner)) }),
);
