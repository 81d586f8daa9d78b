import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { clusters, environments } from "@/lib/db/schema";
import { environmentDto } from "../dto";
import { foundOrThrow } from "@/lib/db/rows";
import { scopeIds } from "../scope";
import type { ProjectCtx } from "@/lib/core/scoped-context";

/** The environment of the scope, with its cluster's name; locked when asked. */
export async function loadEnvironment(tx: Executor, ctx: ProjectCtx, lock = false) {
  const { tenantId, environmentId } = scopeIds(ctx);
  const query = tx
    .select({ env: environments, cluster: clusters.name })
    .from(environments)
    .innerJoin(clusters, eq(clusters.id, environments.clusterId))
    .where(and(eq(environments.id, environmentId!), eq(environments.tenantId, tenantId)));
  const [row] = lock ? await query.for("update") : await query;
  return foundOrThrow(row, "environment");
}

export function environmentDtoFor(ctx: ProjectCtx, row: Awaited<ReturnType<typeof loadEnvironment>>) {
  return environmentDto(row.env, {
    tenant: ctx.scope.tenant.name,
    project: ctx.scope.project.name,
    cluster: row.cluster,
  });
}
