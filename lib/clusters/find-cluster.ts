import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Executor } from "@/lib/db/client";
import { clusters, type ClusterRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export async function findClusterByName(name: string, db: Executor = getDb()): Promise<ClusterRow | undefined> {
  const [row] = await db.select().from(clusters).where(eq(clusters.name, name)).limit(1);
  return row;
}

/** For inputs that name a cluster: an unknown one is a field error, not a missing page. */
export async function clusterForInputOrThrow(name: string, path: string, db: Executor = getDb()): Promise<ClusterRow> {
  const row = await findClusterByName(name, db);
  if (!row)
    throw new AppError("VALIDATION", `There is no cluster '${name}'.`, {
      errors: [{ path, message: `Unknown cluster '${name}'.` }],
    });
  return row;
}

export async function clusterOrThrow(name: string, db: Executor = getDb()): Promise<ClusterRow> {
  const row = await findClusterByName(name, db);
  if (!row) throw new AppError("NOT_FOUND", `The cluster '${name}' does not exist.`);
  return row;
}
