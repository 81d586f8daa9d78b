import "server-only";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { backendFor } from "@/lib/telemetry/backends/backend-for";
import { environmentTarget } from "@/lib/telemetry/query/target";
import type { CompileEnv } from "./compile";

export interface RuleEnv extends CompileEnv {
  tenantId: number;
  environmentId: number;
  clusterId: number;
  /** Audit target prefix: tenant/project/environment. */
  path: string;
}

/** The environment a rule verb acts on, with what its expressions compile against. */
export async function ruleEnv(ctx: EnvironmentCtx): Promise<RuleEnv> {
  const target = await environmentTarget(ctx);
  const [prometheus, loki] = await Promise.all([
    backendFor(target.clusterId, "prometheus"),
    backendFor(target.clusterId, "loki"),
  ]);
  const { tenant, project, environment } = ctx.scope;
  return {
    tenantId: tenant.id,
    environmentId: environment.id,
    clusterId: target.clusterId,
    namespace: target.namespace,
    prometheus,
    loki,
    path: `${tenant.name}/${project.name}/${environment.name}`,
  };
}
