import "server-only";
import type { Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ConfigLocation, RollbackResult, WriteMeta } from "../types";
import { historyEntry } from "./history";
import { lockConfig, publishConfig, removeConfig } from "./write";

/**
 * Undoes the change an entry records, as the Nacos console does: an insert is undone by
 * deleting, an update or delete by publishing the content (and type) from before it.
 */
export async function rollbackConfig(
  tx: Transaction,
  loc: ConfigLocation,
  dataId: string,
  historyId: number,
  meta: WriteMeta,
): Promise<RollbackResult> {
  const entry = await historyEntry(loc, dataId, historyId);
  if (!entry) throw new AppError("NOT_FOUND", "The history entry does not exist.");
  const undo = { ...meta, source: "rollback" as const, rollbackOf: entry.id };
  if (entry.op === "I") {
    if (!(await lockConfig(tx, loc, dataId)))
      throw new AppError(
        "CONFLICT",
        "The config is already gone: there is nothing to roll back to before its creation.",
      );
    return { action: "deleted", ...(await removeConfig(tx, loc, dataId, undo)) };
  }
  const before = entry.before!;
  const current = await lockConfig(tx, loc, dataId);
  const result = await publishConfig(
    tx,
    loc,
    {
      dataId,
      content: before.content ?? "",
      type: before.type ?? "text",
      appName: entry.appName,
      description: current?.description ?? "",
      tags: current?.tags ?? [],
    },
    undo,
  );
  return { action: "restored", ...result };
}
