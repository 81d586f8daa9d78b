import type { EnvironmentCtx } from "@/lib/core/scoped-context";

export const probeAuditTarget = (ctx: EnvironmentCtx, name: string) =>
  `tenant/${ctx.scope.tenant.name}/project/${ctx.scope.project.name}/environment/${ctx.scope.environment.name}/probe/${name}`;
