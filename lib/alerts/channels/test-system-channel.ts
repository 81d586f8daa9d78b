import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { SYSTEM_OWNER } from "./channel-rows";
import { testChannel } from "./test-channel";

export const testSystemChannel = verb(
  "alert-channels.system.test",
  "alert-channels.system.write",
  ({ ctx, input }: VerbArgs<{ name: string }>) => testChannel(ctx, SYSTEM_OWNER, input.name),
);
