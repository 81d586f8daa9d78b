import "server-only";
import { and, desc, eq, gte, like, lt, lte } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { auditLogs, tenants } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { decodeIdCursor, toPage } from "@/lib/core/pagination";
import type { AuditQuery } from "./schemas";

/** Newest first. Without a tenant only sysadmins may ask (authorization sees no tenant scope). */
export const listAudit = verb("audit.list", "audit.read", async ({ ctx, input }: VerbArgs<AuditQuery>) => {
  const before = decodeIdCursor(input.cursor);
  const rows = await getDb()
    .select({ log: auditLogs, tenant: tenants.name })
    .from(auditLogs)
    .leftJoin(tenants, eq(tenants.id, auditLogs.tenantId))
    .where(
      and(
        ctx.scope.tenant ? eq(auditLogs.tenantId, ctx.scope.tenant.id) : undefined,
        input.actor ? eq(auditLogs.actor, input.actor) : undefined,
        input.action ? like(auditLogs.action, `${input.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
        input.from ? gte(auditLogs.at, input.from) : undefined,
        input.to ? lte(auditLogs.at, input.to) : undefined,
        before ? lt(auditLogs.id, before) : undefined,
      ),
    )
    .orderBy(desc(auditLogs.id))
    .limit(input.limit + 1);
  return toPage(
    rows,
    input.limit,
    (r) => r.log.id,
    ({ log, tenant }) => ({
      id: log.id,
      at: log.at.toISOString(),
      actor: log.actor,
      action: log.action,
      tenant: tenant ?? null,
      target: log.target,
      diff: log.diff,
      result: log.result,
      clientAddress: log.clientAddress,
      requestId: log.requestId,
      traceId: log.traceId,
    }),
  );
});
