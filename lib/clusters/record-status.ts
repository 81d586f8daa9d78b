import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { clusters } from "@/lib/db/schema";
import type { ClusterStatus } from "./probe";

/** Status is observed, not changed by anyone: it is stored without an audit row, and without
 *  touching updated_at (which keys the client cache). */
export async function recordStatus(db: Executor, clusterId: number, status: ClusterStatus): Promise<void> {
  await db
    .update(clusters)
    .set({
      reachable: status.reachable,
      serverVersion: status.serverVersion,
      nodeCount: status.nodeCount,
      namespaceCount: status.namespaceCount,
      lastError: status.error?.slice(0, 1024) ?? null,
      checkedAt: sql`CURRENT_TIMESTAMP(3)`,
      updatedAt: sql`${clusters.updatedAt}`,
    })
    .where(eq(clusters.id, clusterId));
}
