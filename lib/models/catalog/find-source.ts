import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Executor } from "@/lib/db/client";
import { modelSources, type ModelSourceRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export async function findSource(name: string, db: Executor = getDb()): Promise<ModelSourceRow> {
  const [row] = await db.select().from(modelSources).where(eq(modelSources.name, name)).limit(1);
  if (!row) throw new AppError("NOT_FOUND", `There is no model source ${name}.`);
  return row;
}
