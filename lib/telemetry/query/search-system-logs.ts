import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { LogSearchQuery } from "../schemas";
import { logs } from "./signal-search";

export const searchSystemLogs = verb(
  "telemetry.system.logs.search",
  "telemetry.system.read",
  ({ ctx, input }: VerbArgs<LogSearchQuery>) => logs(ctx, input, true),
);
