import "server-only";
import { reconcileEnvironment } from "@/lib/clusters/reconcile/reconcile-environment";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** Reconciles the environment now instead of at the next resync, and says what changed. */
export const syncEnvironment = verb(
  "environments.sync",
  "environments.sync",
  async ({ ctx }: VerbArgs<void, EnvironmentCtx>) => {
    const report = await reconcileEnvironment(ctx.scope.environment.id);
    return report ?? { status: "error" as const, changes: [], error: "The environment no longer exists." };
  },
);
