import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { findSource } from "./find-source";
import { syncStatus } from "./sync-status";

// Progress is no secret: GET /model-sources/{source} shows the same sync state to every reader.
export const getSync = verb("models.sources.sync.get", "models.read", async ({ input }: VerbArgs<{ source: string }>) =>
  syncStatus(await findSource(input.source)),
);
