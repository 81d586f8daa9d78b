import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write-audit";
import { clusterOrThrow } from "@/lib/clusters/find-cluster";
import { getDb } from "@/lib/db/client";
import { clusters, environments, ingestTokens, type IngestTokenRow } from "@/lib/db/schema";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { type VerbArgs } from "@/lib/core/verb";
import { scopeIds } from "@/lib/tenancy/scope";
import { forgetIngestToken, hashIngestToken, INGEST_TOKEN_PREFIX } from "../ingest/token-auth";
import type { CreateIngestTokenInput, IngestTokenDto } from "../schemas";

export function dto(row: IngestTokenRow, cluster: string): IngestTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    cluster,
    namespace: row.namespace,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export interface Owner {
  clusterId: number;
  cluster: string;
  tenantId: number | null;
  environmentId: number | null;
  namespace: string | null;
  target: string;
}

export async function create(
  ctx: VerbArgs<unknown>["ctx"],
  owner: Owner,
  input: CreateIngestTokenInput,
  action: string,
) {
  const token = INGEST_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return inTransaction(async (tx) => {
    const [{ id }] = await tx
      .insert(ingestTokens)
      .values({
        name: input.name,
        tokenHash: hashIngestToken(token),
        prefix: token.slice(0, 12),
        clusterId: owner.clusterId,
        tenantId: owner.tenantId,
        environmentId: owner.environmentId,
        namespace: owner.namespace,
        createdBy: ctx.actor!.username,
      })
      .$returningId();
    await writeAudit(tx, ctx, {
      action,
      target: `${owner.target}/ingest-tokens/${id}`,
      tenantId: owner.tenantId,
      after: { name: input.name, namespace: owner.namespace },
    });
    const [row] = await tx.select().from(ingestTokens).where(eq(ingestTokens.id, id));
    // The only time the token itself leaves the server.
    return { ...dto(row, owner.cluster), token };
  });
}

export async function list(where: ReturnType<typeof eq>, cluster: string) {
  const rows = await getDb().select().from(ingestTokens).where(where).orderBy(desc(ingestTokens.id)).limit(500);
  return { items: rows.map((r) => dto(r, cluster)), nextCursor: null };
}

export async function revoke(ctx: VerbArgs<unknown>["ctx"], owner: Owner, id: number, action: string) {
  const tokenHash = await inTransaction(async (tx) => {
    const ownerMatch = owner.environmentId
      ? eq(ingestTokens.environmentId, owner.environmentId)
      : and(eq(ingestTokens.clusterId, owner.clusterId), isNull(ingestTokens.environmentId));
    const [row] = await tx
      .select()
      .from(ingestTokens)
      .where(and(eq(ingestTokens.id, id), ownerMatch))
      .for("update");
    if (!row) throw new AppError("NOT_FOUND", "The ingest token does not exist.");
    if (!row.revokedAt)
      await tx
        .update(ingestTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(ingestTokens.id, id), ownerMatch));
    await writeAudit(tx, ctx, {
      action,
      target: `${owner.target}/ingest-tokens/${id}`,
      tenantId: owner.tenantId,
      before: { name: row.name },
    });
    return row.tokenHash;
  });
  // After the commit: forgotten earlier, an export in between could cache the token as valid again.
  forgetIngestToken(tokenHash);
}

export async function clusterOwner(name: string): Promise<Owner> {
  const c = await clusterOrThrow(name);
  return {
    clusterId: c.id,
    cluster: c.name,
    tenantId: null,
    environmentId: null,
    namespace: null,
    target: `cluster/${c.name}`,
  };
}

export async function environmentOwner(ctx: VerbArgs<unknown>["ctx"]): Promise<Owner> {
  const { tenantId, environmentId } = scopeIds(ctx);
  const [env] = await getDb()
    .select({ clusterId: environments.clusterId, cluster: clusters.name, namespace: environments.namespace })
    .from(environments)
    .innerJoin(clusters, eq(clusters.id, environments.clusterId))
    .where(and(eq(environments.id, environmentId!), eq(environments.tenantId, tenantId)));
  if (!env) throw new AppError("NOT_FOUND", "The environment does not exist.");
  const s = ctx.scope;
  return {
    clusterId: env.clusterId,
    cluster: env.cluster,
    tenantId,
    environmentId: environmentId!,
    namespace: env.namespace,
    target: `${s.tenant!.name}/${s.project!.name}/${s.environment!.name}`,
  };
}
