import "server-only";
import { AppError } from "@/lib/errors";
import { decide, type Permission } from "@/lib/rbac";
import type { AuthedContext } from "./context";

/** Throws NOT_FOUND or FORBIDDEN unless the actor holds the permission in ctx.scope. */
export function authorize(ctx: AuthedContext, permission: Permission): void {
  const decision = decide(ctx.actor, permission, ctx.scope);
  if (decision.allow) return;
  if (decision.status === "not-found") throw notFoundFor(ctx);
  throw new AppError("FORBIDDEN", decision.reason);
}

/** The same 404 an outsider gets for a name that does not exist at all. */
export function notFoundFor(ctx: AuthedContext): AppError {
  const s = ctx.scope;
  const kind = s.environment ? "environment" : s.project ? "project" : "tenant";
  // An outsider learns nothing below the tenant: the tenant itself "does not exist".
  return new AppError(
    "NOT_FOUND",
    `The ${s.tenantRole || ctx.actor.systemRole === "sysadmin" ? kind : "tenant"} does not exist.`,
  );
}
