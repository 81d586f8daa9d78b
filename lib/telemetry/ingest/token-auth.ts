import "server-only";
import { createHash } from "node:crypto";
import type { RowDataPacket } from "mysql2";
import { processCache } from "@/lib/cache";
import { getPool } from "@/lib/db/client";
import type { IngestPrincipal } from "./resource";

export const INGEST_TOKEN_PREFIX = "fit_";

export const hashIngestToken = (token: string) => createHash("sha256").update(token).digest("hex");

// Tokens are looked up on every export; a short cache keeps that off the database while a
// revocation elsewhere still takes effect within seconds (one cache per process, so a revoke
// from a console action clears the receiver's copy too).
const cache = processCache<string, { principal: IngestPrincipal | null }>("ingest-tokens", {
  max: 10_000,
  ttlMs: 5_000,
});
const lastUsedWritten = processCache<number, number>("ingest-tokens.last-used", { max: 10_000, ttlMs: 120_000 });

export function forgetIngestToken(hash?: string): void {
  if (hash) cache.delete(hash);
  else cache.clear();
}

/**
 * The token an Authorization header carries: `Bearer fit_…`, or `Basic` with the token as the
 * password (what Promtail and the Logging Operator's Loki output send; the user name is ignored).
 */
export function ingestTokenOf(authorization: string | null): string | null {
  const header = authorization?.trim() ?? "";
  if (header.length > 512) return null;
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  let token = bearer?.[1];
  const basic = bearer ? null : /^Basic\s+([A-Za-z0-9+/]+={0,2})$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    token = colon < 0 ? undefined : decoded.slice(colon + 1);
  }
  if (!token || !token.startsWith(INGEST_TOKEN_PREFIX) || token.length > 128) return null;
  return token;
}

/** The principal behind an ingest token header (see ingestTokenOf), or null for a missing, unknown or revoked token. */
export async function authenticateIngestToken(authorization: string | null): Promise<IngestPrincipal | null> {
  const token = ingestTokenOf(authorization);
  if (!token) return null;
  const hash = hashIngestToken(token);
  const now = Date.now();
  const hit = cache.get(hash);
  if (hit) return hit.principal;
  const [rows] = await getPool().query<RowDataPacket[]>(
    "SELECT id, cluster_id, namespace, environment_id FROM ingest_tokens WHERE token_hash = ? AND revoked_at IS NULL",
    [hash],
  );
  const principal: IngestPrincipal | null = rows[0]
    ? {
        tokenId: rows[0].id,
        clusterId: rows[0].cluster_id,
        pinnedNamespace: rows[0].namespace,
        environmentId: rows[0].environment_id === null ? null : Number(rows[0].environment_id),
      }
    : null;
  cache.set(hash, { principal });
  if (principal && (lastUsedWritten.get(principal.tokenId) ?? 0) < now - 60_000) {
    lastUsedWritten.set(principal.tokenId, now);
    void getPool()
      .query("UPDATE ingest_tokens SET last_used_at = CURRENT_TIMESTAMP(3) WHERE id = ?", [principal.tokenId])
      .catch(() => undefined);
  }
  return principal;
}
