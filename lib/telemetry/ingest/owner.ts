import "server-only";
import type { RowDataPacket } from "mysql2";
import { processCache, processSingleton } from "@/lib/cache";
import { getPool } from "@/lib/db/client";
import { onChange } from "@/lib/events";
import { SYSTEM_CLUSTER_ID } from "../store/dictionary";

// Which environment owns a namespace right now, for writes that do not name one (cluster
// tokens). Cached briefly; an environment created or deleted in this process clears the cache
// at once, so the first write after it already goes to the new owner.
const owners = processCache<string, { environmentId: number }>("telemetry-owners", { max: 10_000, ttlMs: 5_000 });
processSingleton("telemetry-owners.watch", () =>
  onChange((event) => {
    if (event.type === "environment" || event.type === "cleanup") owners.clear();
  }),
);

/** The id of the environment on this namespace, or 0 when none is. */
export async function namespaceOwner(clusterId: number, namespace: string): Promise<number> {
  if (clusterId === SYSTEM_CLUSTER_ID) return 0;
  const key = `${clusterId}/${namespace}`;
  const hit = owners.get(key);
  if (hit) return hit.environmentId;
  const [rows] = await getPool().query<RowDataPacket[]>(
    "SELECT id FROM environments WHERE cluster_id = ? AND namespace = ? LIMIT 1",
    [clusterId, namespace],
  );
  const environmentId = rows[0] ? Number(rows[0].id) : 0;
  owners.set(key, { environmentId });
  return environmentId;
}

export function forgetNamespaceOwners(): void {
  owners.clear();
}
