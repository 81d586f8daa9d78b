import "server-only";
import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { AuthedContext } from "@/lib/core/context";
import { getDb } from "@/lib/db/client";
import { auditLogs, tenants } from "@/lib/db/schema";
import type { AuditEvent } from "./schemas";

type Row = {
  id: number;
  at: string;
  actor: string;
  action: string;
  tenant: string | null;
  target: string;
  result: string;
};

export const auditEvent = (r: Row): AuditEvent => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  tenant: r.tenant,
  target: r.target,
  result: r.result,
});

/** The actor's own latest actions, leaving out those in tenants it no longer belongs to. */
export async function ownAuditEvents(ctx: AuthedContext, tenantIds: number[], limit: number): Promise<AuditEvent[]> {
  const rows = await getDb()
    .select({ log: auditLogs, tenant: tenants.name })
    .from(auditLogs)
    .leftJoin(tenants, eq(tenants.id, auditLogs.tenantId))
    .where(
      and(
        eq(auditLogs.actor, ctx.actor.username),
        tenantIds.length
          ? or(isNull(auditLogs.tenantId), inArray(auditLogs.tenantId, tenantIds))
          : isNull(auditLogs.tenantId),
      ),
    )
    .orderBy(desc(auditLogs.id))
    .limit(limit);
  return rows.map(({ log, tenant }) =>
    auditEvent({ ...log, at: log.at.toISOString(), tenant: tenant ?? null, target: log.target, result: log.result }),
  );
}
