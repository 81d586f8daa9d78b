import "server-only";
import { AppError } from "@/lib/errors";
import { withSpan } from "@/lib/observability/tracer";
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
  return new AppError("NOT_FOUND", `The ${s.tenantRole || ctx.actor.systemRole === "sysadmin" ? kind : "tenant"} does not exist.`);
}

export interface VerbArgs<I> {
  ctx: AuthedContext;
  input: I;
}

export type Verb<I, O> = ((args: VerbArgs<I>) => Promise<O>) & { permission: Permission; verbName: string };

/** A domain verb: runs in its own span and authorizes before it does anything else. */
export function verb<I, O>(name: string, permission: Permission, fn: (args: VerbArgs<I>) => Promise<O>): Verb<I, O> {
  const run = (args: VerbArgs<I>) =>
    withSpan(`verb ${name}`, { "facet.permission": permission }, async () => {
      authorize(args.ctx, permission);
      return fn(args);
    });
  return Object.assign(run, { permission, verbName: name });
}
