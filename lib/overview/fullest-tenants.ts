import "server-only";
import type { RowDataPacket } from "mysql2";
import { getPool } from "@/lib/db/client";

// Every tenant's fullest quota (environment quotas allocated against the hard limit, the highest
// of CPU, memory and pods on any cluster) in one statement, so "tenants by usage" ranks all of
// them, not the first few by name.
const FULLEST = `
SELECT q.tenant_id AS id,
       MAX(GREATEST(IF(q.cpu_milli > 0, COALESCE(e.cpu, 0) / q.cpu_milli, 0),
                    IF(q.memory_bytes > 0, COALESCE(e.mem, 0) / q.memory_bytes, 0),
                    IF(q.pods > 0, COALESCE(e.pods, 0) / q.pods, 0))) AS peak
  FROM tenant_quotas q
  LEFT JOIN (SELECT tenant_id, cluster_id, SUM(cpu_milli) cpu, SUM(memory_bytes) mem, SUM(pods) pods
               FROM environments GROUP BY tenant_id, cluster_id) e
         ON e.tenant_id = q.tenant_id AND e.cluster_id = q.cluster_id
 GROUP BY q.tenant_id
 ORDER BY peak DESC, q.tenant_id DESC
 LIMIT ?`;

/** The ids of the `limit` fullest tenants (newest first among equals), and whether more have quotas. */
export async function fullestTenants(limit: number): Promise<{ ids: number[]; truncated: boolean }> {
  const [rows] = await getPool().query<RowDataPacket[]>(FULLEST, [limit + 1]);
  return { ids: rows.slice(0, limit).map((r) => Number(r.id)), truncated: rows.length > limit };
}
