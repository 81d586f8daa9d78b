import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { applications, type ApplicationRow } from "@/lib/db/schema";
import { applicationDto } from "../dto";
import { foundOrThrow } from "@/lib/db/rows";
import { scopeIds } from "../scope";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { shownOtelEnv, type OtelSite } from "@/lib/workloads/otel-env";

export async function loadApplication(
  tx: Executor,
  ctx: EnvironmentCtx,
  name: string,
  lock = false,
): Promise<ApplicationRow> {
  const { tenantId, environmentId } = scopeIds(ctx);
  const query = tx
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.environmentId, environmentId!),
        eq(applications.tenantId, tenantId),
        eq(applications.name, name),
      ),
    );
  const [row] = lock ? await query.for("update") : await query;
  return foundOrThrow(row, "application");
}

/** With `site`, the OTEL_* variables injection adds are listed too (the application page shows them). */
export const applicationDtoFor = (ctx: EnvironmentCtx, row: ApplicationRow, site?: OtelSite) => ({
  ...applicationDto(row, {
    tenant: ctx.scope.tenant.name,
    project: ctx.scope.project.name,
    environment: ctx.scope.environment.name,
  }),
  injectedEnv: site ? shownOtelEnv(row, site) : [],
});

export const applicationTarget = (ctx: EnvironmentCtx, name: string) =>
  `tenant/${ctx.scope.tenant.name}/project/${ctx.scope.project.name}/environment/${ctx.scope.environment.name}/application/${name}`;
