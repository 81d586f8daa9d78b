import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/lib/db/client";
import { alertChannels } from "@/lib/db/schema";
import { foundOrThrow } from "@/lib/db/rows";
import type { AuthedContext } from "@/lib/core/context";
import type { TenantCtx } from "@/lib/core/scoped-context";

/** Whose channels a verb works on: a tenant's (owner = its id) or the system's (owner 0). */
export interface ChannelOwner {
  owner: number;
  tenantId: number | null;
}

export const SYSTEM_OWNER: ChannelOwner = { owner: 0, tenantId: null };
export const tenantOwner = (ctx: TenantCtx): ChannelOwner => ({
  owner: ctx.scope.tenant.id,
  tenantId: ctx.scope.tenant.id,
});
export const ownerOf = (ctx: AuthedContext): ChannelOwner =>
  ctx.scope.tenant ? { owner: ctx.scope.tenant.id, tenantId: ctx.scope.tenant.id } : SYSTEM_OWNER;

export const channelTarget = (o: ChannelOwner, name: string) =>
  o.tenantId === null ? `alert-channel/${name}` : `alert-channel/${o.tenantId}/${name}`;

const byName = (o: ChannelOwner, name: string) => and(eq(alertChannels.owner, o.owner), eq(alertChannels.name, name));

export async function channelOrThrow(o: ChannelOwner, name: string, db: Executor = getDb()) {
  const [row] = await db.select().from(alertChannels).where(byName(o, name));
  return foundOrThrow(row, "alert channel");
}

/** The row a write works on, locked for the rest of the transaction. */
export async function lockChannel(tx: Executor, o: ChannelOwner, name: string) {
  const [row] = await tx.select().from(alertChannels).where(byName(o, name)).for("update");
  return foundOrThrow(row, "alert channel");
}
