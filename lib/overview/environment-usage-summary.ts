import "server-only";
import type { AuthedContext } from "@/lib/core/context";
import { getEnvironmentUsage } from "@/lib/usage";
import { failureText, withinTime } from "./bounded-call";
import { OVERVIEW_BOUNDS } from "./bounds";
import type { ReadableEnvironment } from "./readable-environments";
import type { EnvironmentUsageSummary } from "./schemas";

/** An environment's requests and usage against its quota; a cluster that fails or hangs leaves its error instead. */
export async function environmentUsageSummary(
  ctx: AuthedContext,
  { scope }: ReadableEnvironment,
): Promise<EnvironmentUsageSummary> {
  const env = { tenant: scope.tenant.name, project: scope.project.name, environment: scope.environment.name };
  try {
    const u = await withinTime(OVERVIEW_BOUNDS.clusterTimeoutMs(), `The cluster of ${env.environment}`, () =>
      getEnvironmentUsage({ ctx: { ...ctx, scope }, input: undefined }),
    );
    return {
      env,
      cluster: u.cluster,
      error: null,
      quota: u.quota,
      requests: u.totals.requests,
      used: u.metricsAvailable ? u.totals.usage : null,
      pods: u.totals.pods,
    };
  } catch (error) {
    return { env, cluster: null, error: failureText(error), quota: null, requests: null, used: null, pods: null };
  }
}
