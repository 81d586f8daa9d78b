import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { clusters } from "@/lib/db/schema";

/** Names only, for pickers; the cluster registry itself is for sysadmins. */
export async function listClusterNames(): Promise<string[]> {
  return (await getDb().select({ name: clusters.name }).from(clusters).orderBy(asc(clusters.name))).map((c) => c.name);
}
