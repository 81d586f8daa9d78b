import "server-only";
import { and, eq } from "drizzle-orm";
import { facetPushUrl } from "@/lib/clusters/internal-url";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { clusters, environments } from "@/lib/db/schema";
import type { OtelSite } from "@/lib/workloads/otel-env";

/** Where the environment's injected applications export to, as the reconciler renders it. */
export async function otelSiteFor(ctx: EnvironmentCtx): Promise<OtelSite> {
  const [row] = await getDb()
    .select({ kind: clusters.kind })
    .from(environments)
    .innerJoin(clusters, eq(clusters.id, environments.clusterId))
    .where(and(eq(environments.id, ctx.scope.environment.id), eq(environments.tenantId, ctx.scope.tenant.id)));
  return { endpoint: facetPushUrl({ kind: row?.kind ?? "sandbox" }), environment: ctx.scope.environment.name };
}
