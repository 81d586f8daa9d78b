import "server-only";
import { asc } from "drizzle-orm";
import { verb } from "@/lib/core/verb";
import { getDb } from "@/lib/db/client";
import { modelSources } from "@/lib/db/schema";
import { sourceDto } from "./dto";

export const listModelSources = verb("models.sources.list", "models.read", async () => ({
  items: (await getDb().select().from(modelSources).orderBy(asc(modelSources.name)).limit(200)).map(sourceDto),
}));
