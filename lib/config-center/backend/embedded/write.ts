import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/lib/db/client";
import { configHistory, configItems, type ConfigItemRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { staleVersion } from "@/lib/core/if-match";
import { md5Hex } from "../../md5";
import type { ConfigLocation, PublishRequest, WriteMeta, WriteResult } from "../types";
import { possibleDataId } from "./read";
import { configRecord } from "./rows";

/** The row, locked for the rest of the transaction (tenant in the WHERE). */
export async function lockConfig(
  tx: Transaction,
  loc: ConfigLocation,
  dataId: string,
): Promise<ConfigItemRow | undefined> {
  if (!possibleDataId(dataId)) return undefined;
  const [row] = await tx
    .select()
    .from(configItems)
    .where(
      and(
        eq(configItems.environmentId, loc.environmentId),
        eq(configItems.tenantId, loc.tenantId),
        eq(configItems.dataId, dataId),
      ),
    )
    .for("update");
  return row;
}

const casConflict = (expected: string, current: string) =>
  new AppError("CONFLICT", "The config changed since you read it (casMd5 does not match); read it again and retry.", {
    details: { expectedMd5: expected, currentMd5: current },
  });

/** Create or update, honouring casMd5 and If-Match, with its history row. */
export async function publishConfig(
  tx: Transaction,
  loc: ConfigLocation,
  req: PublishRequest,
  meta: WriteMeta,
): Promise<WriteResult> {
  const row = await lockConfig(tx, loc, req.dataId);
  const md5 = md5Hex(req.content);
  const fields = {
    content: req.content,
    type: req.type,
    md5,
    appName: req.appName,
    description: req.description,
    tags: req.tags,
    updatedBy: meta.actor,
  };
  if (!row) {
    if (req.expectedVersion !== undefined) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `If-Match names version ${req.expectedVersion}, but the config does not exist (any more).`,
      );
    }
    if (req.casMd5) throw casConflict(req.casMd5, "");
    const [{ id }] = await tx
      .insert(configItems)
      .values({
        ...fields,
        tenantId: loc.tenantId,
        projectId: loc.projectId,
        environmentId: loc.environmentId,
        dataId: req.dataId,
        createdBy: meta.actor,
        createdIp: meta.clientAddress,
      })
      .$returningId();
    const after = await reload(tx, loc, id);
    return {
      op: "I",
      before: null,
      after,
      historyId: await recordHistory(tx, loc, meta, { op: "I", configId: id, dataId: req.dataId, after: fields }),
    };
  }
  if (req.mustNotExist)
    throw new AppError("CONFLICT", `A config '${req.dataId}' already exists here; PUT it to change it.`);
  if (req.expectedVersion !== undefined && req.expectedVersion !== row.version)
    throw staleVersion(req.expectedVersion, row.version);
  if (req.casMd5 && req.casMd5 !== row.md5) throw casConflict(req.casMd5, row.md5);
  await tx
    .update(configItems)
    .set({ ...fields, version: sql`${configItems.version} + 1` })
    .where(and(eq(configItems.id, row.id), eq(configItems.tenantId, loc.tenantId)));
  const after = await reload(tx, loc, row.id);
  const historyId = await recordHistory(tx, loc, meta, {
    op: "U",
    configId: row.id,
    dataId: req.dataId,
    before: row,
    after: fields,
  });
  return { op: "U", before: configRecord(row), after, historyId };
}

/** Deletes with a history row; 404 when there is nothing to delete. */
export async function removeConfig(
  tx: Transaction,
  loc: ConfigLocation,
  dataId: string,
  meta: WriteMeta,
  expectedVersion?: number,
): Promise<WriteResult> {
  const row = await lockConfig(tx, loc, dataId);
  if (!row) throw new AppError("NOT_FOUND", "The config does not exist.");
  if (expectedVersion !== undefined && expectedVersion !== row.version)
    throw staleVersion(expectedVersion, row.version);
  await tx.delete(configItems).where(and(eq(configItems.id, row.id), eq(configItems.tenantId, loc.tenantId)));
  const historyId = await recordHistory(tx, loc, meta, { op: "D", configId: row.id, dataId, before: row });
  return { op: "D", before: configRecord(row), after: null, historyId };
}

async function reload(tx: Transaction, loc: ConfigLocation, id: number) {
  const [row] = await tx
    .select()
    .from(configItems)
    .where(and(eq(configItems.id, id), eq(configItems.tenantId, loc.tenantId)));
  return configRecord(row);
}

type State = Pick<ConfigItemRow, "content" | "md5" | "type" | "appName">;

async function recordHistory(
  tx: Transaction,
  loc: ConfigLocation,
  meta: WriteMeta,
  change: { op: "I" | "U" | "D"; configId: number; dataId: string; before?: State; after?: State },
): Promise<number> {
  const [{ id }] = await tx
    .insert(configHistory)
    .values({
      tenantId: loc.tenantId,
      projectId: loc.projectId,
      environmentId: loc.environmentId,
      configId: change.configId,
      dataId: change.dataId,
      op: change.op,
      source: meta.source,
      contentBefore: change.before?.content ?? null,
      contentAfter: change.after?.content ?? null,
      md5Before: change.before?.md5 ?? null,
      md5After: change.after?.md5 ?? null,
      typeBefore: change.before?.type ?? null,
      typeAfter: change.after?.type ?? null,
      appName: (change.after ?? change.before)?.appName ?? "",
      actor: meta.actor,
      clientAddress: meta.clientAddress,
      rollbackOf: meta.rollbackOf ?? null,
    })
    .$returningId();
  return id;
}
