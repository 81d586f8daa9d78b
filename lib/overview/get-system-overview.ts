import "server-only";
import { asc, inArray } from "drizzle-orm";
import { listAudit } from "@/lib/audit/list-audit";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { getDb } from "@/lib/db/client";
import { clusters, tenants } from "@/lib/db/schema";
import { auditEvent } from "./audit-events";
import { OVERVIEW_BOUNDS as B } from "./bounds";
import { summarizeCluster } from "./cluster-summary";
import { fullestTenants } from "./fullest-tenants";
import { peakOf, quotaUsageOf } from "./quota-usage";
import { readableEnvironments } from "./readable-environments";
import type { SystemOverview } from "./schemas";
import { serviceHealth } from "./service-health";

/** The installation at a glance, for sysadmins: clusters, the fullest tenants, the latest
 *  audit events and the services failing most. Every list is capped (see bounds.ts). */
export const getSystemOverview = verb(
  "overview.system.get",
  "clusters.nodes.read",
  async ({ ctx }: VerbArgs<void>): Promise<SystemOverview> => {
    const db = getDb();
    // The oldest clusters first (the built-in sandbox, then the ones imported first).
    const [clusterRows, fullest] = await Promise.all([
      db
        .select()
        .from(clusters)
        .orderBy(asc(clusters.id))
        .limit(B.clusters + 1),
      fullestTenants(B.tenants),
    ]);
    const considered = fullest.ids.length
      ? await db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(inArray(tenants.id, fullest.ids))
      : [];
    // The newest environments: the ones people are working on now.
    const envs = await readableEnvironments(ctx, "telemetry.read", B.environments, "newest");
    const [clusterSummaries, quotas, audit, services] = await Promise.all([
      Promise.all(clusterRows.slice(0, B.clusters).map((row) => summarizeCluster(ctx, row))),
      quotaUsageOf(considered.map((t) => t.id)),
      listAudit({ ctx: { ...ctx, scope: {} }, input: { limit: B.audit } }),
      serviceHealth(ctx, envs.items),
    ]);
    const tenantUsage = considered
      .map((t) => ({ tenant: t.name, quotas: quotas.get(t.id) ?? [], peak: peakOf(quotas.get(t.id) ?? []) }))
      .sort((a, b) => b.peak - a.peak || a.tenant.localeCompare(b.tenant))
      .slice(0, B.tenantsShown);
    return {
      kind: "system",
      windowMs: B.windowMs,
      clusters: clusterSummaries,
      tenants: tenantUsage,
      audit: audit.items.map(auditEvent),
      services,
      truncated: {
        clusters: clusterRows.length > B.clusters,
        tenants: fullest.truncated,
        environments: envs.truncated,
      },
    };
  },
);
