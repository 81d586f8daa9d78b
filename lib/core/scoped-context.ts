import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/rbac";
import type { AuthedContext } from "./context";

// What a verb may rely on once its operation's scope resolver ran: the levels above it are
// loaded, so verbs read ctx.scope.tenant (etc.) without a non-null assertion.
export type TenantScope = Scope & { tenant: NonNullable<Scope["tenant"]> };
export type ProjectScope = TenantScope & { project: NonNullable<Scope["project"]> };
export type EnvironmentScope = ProjectScope & { environment: NonNullable<Scope["environment"]> };

export type ScopedCtx<S extends Scope> = AuthedContext & { scope: S };
export type TenantCtx = ScopedCtx<TenantScope>;
export type ProjectCtx = ScopedCtx<ProjectScope>;
export type EnvironmentCtx = ScopedCtx<EnvironmentScope>;

/** For code shared by several levels (members): a level its operation did not resolve is a bug. */
export function resolved<T>(value: T | undefined, level: string): T {
  if (value === undefined) throw new AppError("INTERNAL", `${level} scope was not resolved`);
  return value;
}
