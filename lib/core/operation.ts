import type { ZodType } from "zod";
import type { Permission, Scope } from "@/lib/rbac";
import type { AuthedContext } from "./context";
import type { ScopedCtx } from "./scoped-context";
import type { Verb } from "./verb";

export interface OperationInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

/** What a domain declares: the verb it runs (which brings its name and permission) and how the
 *  request is parsed and scoped. */
export interface OperationSpec<P = unknown, Q = unknown, B = unknown, R = unknown, S extends Scope = Scope> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any verb; the handler adapts its input
  verb: Verb<any, unknown, any>;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** Loads what the request is about (tenant, project…) for the policy decision. */
  scope?: (ctx: AuthedContext, params: P, query: Q) => Promise<S>;
  /** Success status when the verb returns data (201 for creates). */
  status?: number;
  /** Serve the result's `version` as the ETag. */
  etag?: boolean;
  /** Largest accepted body, in bytes. */
  maxBodyBytes?: number;
  /** Runs after the scope resolver, so ctx.scope has the levels it returned. */
  handler: (args: { ctx: ScopedCtx<S>; input: OperationInput<P, Q, B>; expectedVersion?: number }) => Promise<R>;
}

/**
 * One authenticated operation of the API, served both as a route handler (route()) and as a
 * server action (performAction()): the same permission, scope, parsing and verb for both.
 */
export interface Operation<P = unknown, Q = unknown, B = unknown, R = unknown> extends Omit<
  OperationSpec<P, Q, B, R>,
  "verb" | "scope" | "handler"
> {
  scope?: (ctx: AuthedContext, params: P, query: Q) => Promise<Scope>;
  handler: (args: { ctx: AuthedContext; input: OperationInput<P, Q, B>; expectedVersion?: number }) => Promise<R>;
  permission: Permission;
  /** The verb's name, for spans and the uniqueness check. */
  name?: string;
  verb?: OperationSpec["verb"];
}

export function operation<P = undefined, Q = undefined, B = undefined, R = unknown, S extends Scope = Scope>(
  spec: OperationSpec<P, Q, B, R, S>,
): Operation<P, Q, B, R> {
  // executeOperation runs the scope resolver before the handler, which is what ScopedCtx<S> promises.
  return { ...spec, permission: spec.verb.permission, name: spec.verb.verbName } as unknown as Operation<P, Q, B, R>;
}
