import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { cachedApplicationCount } from "./cached-application-count";
import { cachedEnvironment } from "./cached-environment";
import { environmentDtoFor } from "./load";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

export const getEnvironment = verb(
  "environments.get",
  "environments.read",
  async ({ ctx }: VerbArgs<void, EnvironmentCtx>) => {
    const [row, applicationCount] = await Promise.all([
      cachedEnvironment(ctx),
      cachedApplicationCount(ctx.scope.environment.id),
    ]);
    return { ...environmentDtoFor(ctx, row), applicationCount, myRole: ctx.scope.environmentRole ?? null };
  },
);
