import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/lib/db/client";
import { catalogModels, type CatalogModelRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export async function findModel(sourceId: number, name: string, db: Executor = getDb()): Promise<CatalogModelRow> {
  const [row] = await db
    .select()
    .from(catalogModels)
    .where(and(eq(catalogModels.sourceId, sourceId), eq(catalogModels.name, name)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", `There is no model ${name} in this source.`);
  return row;
}
