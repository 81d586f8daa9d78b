import "server-only";
import type { AuthedContext } from "@/lib/core/context";
import { apmServices } from "@/lib/telemetry/query/apm-services";
import { OVERVIEW_BOUNDS } from "./bounds";
import type { ReadableEnvironment } from "./readable-environments";
import type { ServiceHealth } from "./schemas";

/** The services of these environments over the last hour, worst error rate first (then busiest). */
export async function serviceHealth(ctx: AuthedContext, envs: ReadableEnvironment[]): Promise<ServiceHealth[]> {
  const end = Date.now();
  const start = end - OVERVIEW_BOUNDS.windowMs;
  const perEnv = await Promise.all(
    envs.map(async ({ scope }) => {
      const result = await apmServices({ ctx: { ...ctx, scope }, input: { start, end, series: false } });
      const env = { tenant: scope.tenant.name, project: scope.project.name, environment: scope.environment.name };
      return result.rows.map((r): ServiceHealth => ({
        service: r.service,
        env,
        calls: r.calls,
        errors: r.errors,
        errorRate: r.errorRate,
        p90Ms: r.p90Ms,
      }));
    }),
  );
  return perEnv
    .flat()
    .sort((a, b) => b.errorRate - a.errorRate || b.calls - a.calls)
    .slice(0, OVERVIEW_BOUNDS.services);
}
