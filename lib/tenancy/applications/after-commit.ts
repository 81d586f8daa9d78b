import "server-only";
import { emitChange } from "@/lib/events";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** Tells the reconciler once the change committed: it brings the Deployment in line. */
export async function afterCommit<T>(ctx: EnvironmentCtx, work: Promise<T>): Promise<T> {
  const result = await work;
  emitChange({ type: "environment", id: ctx.scope.environment.id });
  return result;
}
