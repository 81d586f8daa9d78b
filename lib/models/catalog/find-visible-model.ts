import "server-only";
import type { Executor } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import type { CatalogModelRow, ModelSourceRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { decide } from "@/lib/rbac";
import { findModel } from "./find-model";
import { findSource } from "./find-source";

/** A model the actor may see: unpublished models are the admins' (others get the same 404). */
export async function findVisibleModel(
  actor: Actor,
  sourceName: string,
  model: string,
  db: Executor = getDb(),
): Promise<{ source: ModelSourceRow; row: CatalogModelRow }> {
  const source = await findSource(sourceName, db);
  const row = await findModel(source.id, model, db);
  if (!row.published && !decide(actor, "models.admin").allow)
    throw new AppError("NOT_FOUND", `There is no model ${model} in this source.`);
  return { source, row };
}
