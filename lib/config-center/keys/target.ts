import type { AuthedContext } from "@/lib/core/context";

export const keyTarget = (ctx: AuthedContext, name: string) =>
  `tenant/${ctx.scope.tenant!.name}/project/${ctx.scope.project!.name}/environment/${ctx.scope.environment!.name}/config-key/${name}`;
