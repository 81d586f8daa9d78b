import "server-only";
import { createHash } from "node:crypto";
import type { RowDataPacket } from "mysql2";
import { getPool } from "@/lib/db/client";
import type { IngestPrincipal } from "./resource";

export const INGEST_TOKEN_PREFIX = "fit_";

export const hashIngestToken = (token: string) => createHash("sha256").update(token).digest("hex");

// Tokens are looked up on every export; a short cache keeps that off the database while a
// revocation elsewhere still takes effect within seconds. On globalThis: Next compiles this file
// once per bundle layer, and a revoke from a console action must clear the receiver's cache.
const TTL_MS = 5_000;
type TokenCache = { principals: Map<string, { principal: IngestPrincipal | null; until: number }>; lastUsedWritten: Map<number, number> };
const holder = globalThis as unknown as { facetIngestTokenCache?: TokenCache };
holder.facetIngestTokenCache ??= { principals: new Map(), lastUsedWritten: new Map() };
const { principals: cache, lastUsedWritten } = holder.facetIngestTokenCache;

export function forgetIngestToken(hash?: string): void {
  if (hash) cache.delete(hash);
  else cache.clear();
}

/** The principal behind `Authorization: Bearer fit_…`, or null for a missing, unknown or revoked token. */
export async function authenticateIngestToken(authorization: string | null): Promise<IngestPrincipal | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "");
  if (!match || !match[1].startsWith(INGEST_TOKEN_PREFIX) || match[1].length > 128) return null;
  const hash = hashIngestToken(match[1]);
  const now = Date.now();
  const hit = cache.get(hash);
  if (hit && hit.until > now) return hit.principal;
  const [rows] = await getPool().query<RowDataPacket[]>("SELECT id, cluster_id, namespace, environment_id FROM ingest_tokens WHERE token_hash = ? AND revoked_at IS NULL", [hash]);
  const principal: IngestPrincipal | null = rows[0] ? { tokenId: rows[0].id, clusterId: rows[0].cluster_id, pinnedNamespace: rows[0].namespace, environmentId: rows[0].environment_id === null ? null : Number(rows[0].environment_id) } : null;
  if (cache.size > 10_000) cache.clear();
  cache.set(hash, { principal, until: now + TTL_MS });
  if (principal && (lastUsedWritten.get(principal.tokenId) ?? 0) < now - 60_000) {
    lastUsedWritten.set(principal.tokenId, now);
    void getPool().query("UPDATE ingest_tokens SET last_used_at = CURRENT_TIMESTAMP(3) WHERE id = ?", [principal.tokenId]).catch(() => undefined);
  }
  return principal;
}
