import "server-only";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { alertDeliveries, type AlertChannelRow } from "@/lib/db/schema";
import { hasSecret, loadChannel } from "./channel-config";

const RECENT = 10;

export interface DeliveryDto {
  at: string;
  status: "delivered" | "failed" | "retrying";
  attempts: number;
  error?: string;
}

export interface ChannelDto {
  name: string;
  scope: "tenant" | "system";
  kind: AlertChannelRow["kind"];
  sendResolved: boolean;
  /** Secrets never: the URL redacted, and whether a credential is set. */
  config: Record<string, unknown> & { hasSecret: boolean };
  lastDeliveryAt: string | null;
  lastError: string | null;
  pending: number;
  recentDeliveries: DeliveryDto[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What a tenant member (not an admin) may see: that the channel exists, for picking receivers. */
export interface ChannelSummaryDto {
  name: string;
  scope: "tenant" | "system";
  kind: AlertChannelRow["kind"];
}

export const channelSummary = (row: AlertChannelRow): ChannelSummaryDto => ({
  name: row.name,
  scope: row.tenantId === null ? "system" : "tenant",
  kind: row.kind,
});

/** Full DTOs with each channel's queue state, in three queries whatever the number of channels. */
export async function channelDtos(rows: AlertChannelRow[]): Promise<ChannelDto[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const db = getDb();
  const pending = await db
    .select({ channelId: alertDeliveries.channelId, n: count() })
    .from(alertDeliveries)
    .where(and(inArray(alertDeliveries.channelId, ids), eq(alertDeliveries.state, "pending")))
    .groupBy(alertDeliveries.channelId);
  // The last RECENT attempted deliveries per channel (a queued, never-tried row is in `pending`).
  const ranked = db
    .select({
      channelId: alertDeliveries.channelId,
      state: alertDeliveries.state,
      attempts: alertDeliveries.attempts,
      lastError: alertDeliveries.lastError,
      updatedAt: alertDeliveries.updatedAt,
      rank: sql<number>`ROW_NUMBER() OVER (PARTITION BY ${alertDeliveries.channelId} ORDER BY ${alertDeliveries.id} DESC)`.as(
        "rank",
      ),
    })
    .from(alertDeliveries)
    .where(and(inArray(alertDeliveries.channelId, ids), sql`${alertDeliveries.attempts} > 0`))
    .as("ranked");
  const recent = await db
    .select()
    .from(ranked)
    .where(sql`${ranked.rank} <= ${RECENT}`)
    .orderBy(asc(ranked.channelId), asc(ranked.rank));
  const pendingBy = new Map(pending.map((p) => [p.channelId, Number(p.n)]));
  const recentBy = new Map<number, DeliveryDto[]>();
  for (const r of recent) {
    const list = recentBy.get(r.channelId) ?? [];
    if (list.length >= RECENT) continue;
    list.push({
      at: r.updatedAt.toISOString(),
      status: r.state === "pending" ? "retrying" : r.state,
      attempts: r.attempts,
      ...(r.state !== "delivered" && r.lastError ? { error: r.lastError } : {}),
    });
    recentBy.set(r.channelId, list);
  }
  return rows.map((row) => ({
    name: row.name,
    scope: row.tenantId === null ? "system" : "tenant",
    kind: row.kind,
    sendResolved: row.sendResolved,
    config: { ...row.config, hasSecret: secretSet(row) },
    lastDeliveryAt: row.lastDeliveryAt?.toISOString() ?? null,
    lastError: row.lastError,
    pending: pendingBy.get(row.id) ?? 0,
    recentDeliveries: recentBy.get(row.id) ?? [],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** Whether a credential is stored; a row sealed under another AUTH_SECRET shows as none (re-enter it). */
function secretSet(row: AlertChannelRow): boolean {
  try {
    return hasSecret(loadChannel(row).secrets);
  } catch {
    return false;
  }
}

export async function channelDto(row: AlertChannelRow): Promise<ChannelDto> {
  return (await channelDtos([row]))[0];
}
