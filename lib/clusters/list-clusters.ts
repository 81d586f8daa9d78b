import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { clusters } from "@/lib/db/schema";
import { verb } from "@/lib/core/verb";
import { clusterDto } from "./dto";

export const listClusters = verb("clusters.list", "clusters.read", async () => {
  const rows = await getDb().select().from(clusters).orderBy(asc(clusters.name));
  return { items: rows.map(clusterDto), nextCursor: null };
});
