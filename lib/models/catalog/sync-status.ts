import type { ModelSourceRow } from "@/lib/db/schema";
import type { SyncStatus } from "./schemas";

export const syncStatus = (row: ModelSourceRow): SyncStatus => ({
  state: row.syncState,
  done: row.syncDone,
  total: row.syncTotal,
  error: row.syncError,
  startedAt: row.syncStartedAt?.toISOString() ?? null,
});
