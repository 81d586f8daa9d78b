import "server-only";
import type { RowDataPacket } from "mysql2";
import { getPool } from "@/lib/db/client";
import { onChange } from "@/lib/events";
import { SYSTEM_CLUSTER_ID } from "../store/dictionary";

// Which environment owns a namespace right now, for writes that do not name one (cluster
// tokens). Cached briefly; an environment created or deleted in this process clears the cache
// at once, so the first write after it already goes to the new owner.
const TTL_MS = 5_000;
type Owners = Map<string, { environmentId: number; until: number }>;
const holder = globalThis as unknown as { facetTelemetryOwners?: Owners; facetTelemetryOwnersWatch?: () => void };
const owners = (holder.facetTelemetryOwners ??= new Map());
holder.facetTelemetryOwnersWatch ??= onChange((event) => {
  if (event.type === "environment" || event.type === "cleanup") owners.clear();
});

/** The id of the environment on this namespace, or 0 when none is. */
export async function namespaceOwner(clusterId: number, namespace: string, now = Date.now()): Promise<number> {
  if (clusterId === SYSTEM_CLUSTER_ID) return 0;
  const key = `${clusterId}/${namespace}`;
  const hit = owners.get(key);
  if (hit && hit.until > now) return hit.environmentId;
  const [rows] = await getPool().query<RowDataPacket[]>("SELECT id FROM environments WHERE cluster_id = ? AND namespace = ? LIMIT 1", [clusterId, namespace]);
  const environmentId = rows[0] ? Number(rows[0].id) : 0;
  if (owners.size > 10_000) owners.clear();
  owners.set(key, { environmentId, until: now + TTL_MS });
  return environmentId;
}

export function forgetNamespaceOwners(): void {
  owners.clear();
}
