import "server-only";
import { asc, eq } from "drizzle-orm";
import { listAudit } from "@/lib/audit/list-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { getDb } from "@/lib/db/client";
import { tenantMembers, tenants } from "@/lib/db/schema";
import { auditEvent, ownAuditEvents } from "./audit-events";
import { OVERVIEW_BOUNDS as B } from "./bounds";
import { environmentUsageSummary } from "./environment-usage-summary";
import { quotaUsageOf } from "./quota-usage";
import { readableEnvironments } from "./readable-environments";
import type { AuditEvent, MyOverview } from "./schemas";
import { serviceHealth } from "./service-health";

/** Everything below comes from the caller's memberships: tenants it is not in never enter a query's result. */
async function myTenants(userId: number) {
  return getDb()
    .select({ id: tenants.id, name: tenants.name, role: tenantMembers.role })
    .from(tenants)
    .innerJoin(tenantMembers, eq(tenantMembers.tenantId, tenants.id))
    .where(eq(tenantMembers.userId, userId))
    .orderBy(asc(tenants.name))
    .limit(B.tenants + 1);
}

/** The caller's own corner: its tenants (with quotas where it administers them), its
 *  environments' usage, recent changes it may see, and its services' health. */
export const getMyOverview = verb(
  "overview.mine.get",
  "me.read",
  async ({ ctx }: VerbArgs<void>): Promise<MyOverview> => {
    const tenantRows = await myTenants(ctx.actor.id);
    const mine = tenantRows.slice(0, B.tenants);
    const administered = mine.filter((t) => t.role === "admin");
    const [quotas, usageEnvs, apmEnvs] = await Promise.all([
      quotaUsageOf(administered.map((t) => t.id)),
      readableEnvironments(ctx, "usage.read", B.environments),
      readableEnvironments(ctx, "telemetry.read", B.environments),
    ]);
    const tenantAudit = async (): Promise<AuditEvent[]> => {
      const pages = await Promise.all(
        administered.map((t) =>
          listAudit({
            ctx: { ...ctx, scope: { tenant: { id: t.id, name: t.name }, tenantRole: t.role } },
            input: { limit: B.audit },
          }),
        ),
      );
      return pages
        .flatMap((p) => p.items.map(auditEvent))
        .sort((a, b) => b.id - a.id)
        .slice(0, B.audit);
    };
    const [environments, audit, services] = await Promise.all([
      Promise.all(usageEnvs.items.slice(0, B.environmentUsage).map((e) => environmentUsageSummary(ctx, e))),
      administered.length
        ? tenantAudit()
        : ownAuditEvents(
            ctx,
            mine.map((t) => t.id),
            B.audit,
          ),
      serviceHealth(ctx, apmEnvs.items),
    ]);
    return {
      kind: "mine",
      windowMs: B.windowMs,
      tenants: mine.map((t) => ({
        tenant: t.name,
        role: t.role,
        quotas: t.role === "admin" ? (quotas.get(t.id) ?? []) : null,
      })),
      environments,
      auditSource: administered.length ? "tenant" : "own",
      audit,
      services,
      truncated: {
        tenants: tenantRows.length > B.tenants,
        environments: usageEnvs.items.length > B.environmentUsage || usageEnvs.truncated || apmEnvs.truncated,
      },
    };
  },
);
