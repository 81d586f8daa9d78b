import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { LogSearchQuery } from "../schemas";
import { logs } from "./signal-search";

export const searchLogs = verb("telemetry.logs.search", "telemetry.read", ({ ctx, input }: VerbArgs<LogSearchQuery>) =>
  logs(ctx, input, false),
);
