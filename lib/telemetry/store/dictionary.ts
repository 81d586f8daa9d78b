import "server-only";
import { createHash } from "node:crypto";
import type { RowDataPacket } from "mysql2";
import { processCache } from "@/lib/cache";
import { getPool } from "@/lib/db/client";

// Small tables that give namespaces, resource attribute sets and metric series compact ids.
// Rows are never updated, so ids are cached for the life of the process (bounded, no age).

const ids = (name: string) => processCache<string, number>(`telemetry-dictionary.${name}`, { max: 50_000, ttlMs: 0 });

function remember(cache: ReturnType<typeof ids>, key: string, value: number): number {
  cache.set(key, value);
  return value;
}

/** Cluster 0 is Facet itself (its own spans and logs live in the facet-system namespace). */
export const SYSTEM_CLUSTER_ID = 0;
export const SYSTEM_NAMESPACE = "facet-system";

// Keyed by cluster, namespace and owning environment (see telemetry_namespaces). One per
// process: an environment's delete (a console action) must clear the receiver's copy.
const namespaces = ids("namespaces");

export interface NamespaceKey {
  clusterId: number;
  namespace: string;
  /** The environment that owns the namespace; 0 when none does. */
  environmentId: number;
}

const keyOf = (k: NamespaceKey) => `${k.clusterId}/${k.namespace}/${k.environmentId}`;

/** The telemetry identity of a namespace under its current owner, created on first write. */
export async function namespaceId(k: NamespaceKey): Promise<number> {
  const key = keyOf(k);
  const cached = namespaces.get(key);
  if (cached !== undefined) return cached;
  const pool = getPool();
  const args = [k.clusterId, k.namespace, k.environmentId];
  await pool.query(
    "INSERT IGNORE INTO telemetry_namespaces (cluster_id, namespace, environment_id) VALUES (?, ?, ?)",
    args,
  );
  const [rows] = await pool.query<RowDataPacket[]>(
    "SELECT id FROM telemetry_namespaces WHERE cluster_id = ? AND namespace = ? AND environment_id = ?",
    args,
  );
  return remember(namespaces, key, rows[0].id as number);
}

/** The id of an identity that has sent something, without creating it. */
export async function existingNamespaceId(k: NamespaceKey): Promise<number | null> {
  const cached = namespaces.get(keyOf(k));
  if (cached !== undefined) return cached;
  const [rows] = await getPool().query<RowDataPacket[]>(
    "SELECT id FROM telemetry_namespaces WHERE cluster_id = ? AND namespace = ? AND environment_id = ?",
    [k.clusterId, k.namespace, k.environmentId],
  );
  return rows[0] ? remember(namespaces, keyOf(k), rows[0].id as number) : null;
}

/** Forgets the cached identities of these environments (they were deleted). */
export function forgetEnvironmentNamespaces(environmentIds: number[]): void {
  const gone = new Set(environmentIds.map(String));
  for (const key of namespaces.keys()) if (gone.has(key.slice(key.lastIndexOf("/") + 1))) namespaces.delete(key);
}

export const md5 = (text: string) => createHash("md5").update(text).digest();

const resources = ids("resources");

/** Id of a resource attribute set within a namespace; the JSON is stored once. */
export async function resourceId(nsId: number, service: string, attributesJson: string): Promise<number> {
  const hash = md5(`${nsId}\u0000${attributesJson}`);
  const key = hash.toString("hex");
  const cached = resources.get(key);
  if (cached !== undefined) return cached;
  const pool = getPool();
  await pool.query("INSERT IGNORE INTO telemetry_resources (hash, ns_id, service, attributes) VALUES (?, ?, ?, ?)", [
    hash,
    nsId,
    service.slice(0, 128),
    attributesJson,
  ]);
  const [rows] = await pool.query<RowDataPacket[]>("SELECT id FROM telemetry_resources WHERE hash = ?", [hash]);
  return remember(resources, key, rows[0].id as number);
}

export interface SeriesKey {
  nsId: number;
  name: string;
  type: string;
  temporality: number;
  monotonic: boolean;
  unit: string;
  description: string;
  service: string;
  pod: string | null;
  labelsJson: string;
  lastMs: number;
}

const series = ids("series");

/** Ids of metric series, created on first sight; one round trip for all unknown ones. */
export async function seriesIds(keys: SeriesKey[]): Promise<number[]> {
  const hashes = keys.map((k) => md5(`${k.name}\u0000${k.service}\u0000${k.pod ?? ""}\u0000${k.labelsJson}`));
  const ids: (number | undefined)[] = keys.map((k, i) => series.get(`${k.nsId}/${hashes[i].toString("hex")}`));
  const missing = keys.map((_, i) => i).filter((i) => ids[i] === undefined);
  if (missing.length) {
    const pool = getPool();
    const values = missing.map((i) => {
      const k = keys[i];
      return [
        k.nsId,
        k.name.slice(0, 255),
        hashes[i],
        k.type,
        k.temporality,
        k.monotonic ? 1 : 0,
        k.unit.slice(0, 64),
        k.description.slice(0, 512),
        k.service.slice(0, 128),
        k.pod,
        k.labelsJson,
        k.lastMs,
      ];
    });
    await pool.query(
      "INSERT INTO telemetry_metric_series (ns_id, name, labels_hash, type, temporality, monotonic, unit, description, service, pod, labels, last_ms) VALUES ? ON DUPLICATE KEY UPDATE last_ms = GREATEST(last_ms, VALUES(last_ms))",
      [values],
    );
    const [rows] = await pool.query<RowDataPacket[]>(
      // One constant statement: mysql2 writes the bound list of [ns, name, hash] rows as tuples.
      "SELECT id, ns_id, labels_hash FROM telemetry_metric_series WHERE (ns_id, name, labels_hash) IN (?)",
      [missing.map((i) => [keys[i].nsId, keys[i].name.slice(0, 255), hashes[i]])],
    );
    for (const r of rows) remember(series, `${r.ns_id}/${(r.labels_hash as Buffer).toString("hex")}`, r.id as number);
    for (const i of missing) ids[i] = series.get(`${keys[i].nsId}/${hashes[i].toString("hex")}`);
  }
  return ids.map((id) => {
    if (id === undefined) throw new Error("metric series could not be created");
    return id;
  });
}

/** Forgets cached ids (tests that purge rows). */
export function clearDictionaryCaches(): void {
  namespaces.clear();
  resources.clear();
  series.clear();
}
