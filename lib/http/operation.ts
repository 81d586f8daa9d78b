import "server-only";
import type { ZodType } from "zod";
import { auditRefusal } from "@/lib/audit/audit-refusal";
import { AppError } from "@/lib/errors";
import type { Permission, Scope } from "@/lib/rbac";
import type { AuthedContext } from "./context";
import { parseError, zodIssues } from "./problem";
import { authorize } from "./verb";

export interface OperationInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

/**
 * One authenticated operation of the API, served both as a route handler (route()) and as a
 * server action (performAction()): the same permission, scope, parsing and verb for both.
 */
export interface Operation<P = unknown, Q = unknown, B = unknown, R = unknown> {
  permission: Permission;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** Loads what the request is about (tenant, project…) for the policy decision. */
  scope?: (ctx: AuthedContext, params: P, query: Q) => Promise<Scope>;
  /** Success status when the verb returns data (201 for creates). */
  status?: number;
  /** Serve the result's `version` as the ETag. */
  etag?: boolean;
  /** Largest accepted body, in bytes. */
  maxBodyBytes?: number;
  handler: (args: { ctx: AuthedContext; input: OperationInput<P, Q, B>; expectedVersion?: number }) => Promise<R>;
}

export function operation<P = undefined, Q = undefined, B = undefined, R = unknown>(op: Operation<P, Q, B, R>): Operation<P, Q, B, R> {
  return op;
}

export function parseWith<T>(schema: ZodType<T> | undefined, value: unknown, prefix: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = zodIssues(result.error).map((i) => ({ ...i, path: i.path === "(root)" ? prefix : `${prefix}.${i.path}` }));
  throw parseError(result.error, errors);
}

/** A path segment that cannot name anything is a missing resource, not a validation error. */
function parseParams<P>(schema: ZodType<P> | undefined, value: unknown): P {
  if (!schema) return undefined as P;
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("NOT_FOUND", "The resource does not exist.");
  return result.data;
}

export interface RawInput {
  params?: unknown;
  query?: unknown;
  /** Read only once authorized, so a stranger learns nothing from validation errors. */
  body?: () => Promise<unknown> | unknown;
  expectedVersion?: number;
}

/** resolve scope → authorize → parse the body → verb. The caller has authenticated. */
export async function executeOperation<P, Q, B, R>(op: Operation<P, Q, B, R>, ctx: AuthedContext, raw: RawInput): Promise<R> {
  try {
    return await runPipeline(op, ctx, raw);
  } catch (error) {
    await auditRefusal(ctx, op.permission, targetOf(raw.params), error);
    throw error;
  }
}

const targetOf = (params: unknown) =>
  Object.entries((params ?? {}) as Record<string, string>)
    .map(([k, v]) => `${k}/${v}`)
    .join("/") || "(none)";

async function runPipeline<P, Q, B, R>(op: Operation<P, Q, B, R>, ctx: AuthedContext, raw: RawInput): Promise<R> {
  const params = parseParams(op.params, raw.params ?? {});
  const query = parseWith(op.query, raw.query ?? {}, "query");
  if (op.scope) ctx.scope = await op.scope(ctx, params, query);
  authorize(ctx, op.permission);
  const body = op.body ? parseWith(op.body, await raw.body?.(), "body") : (undefined as B);
  return op.handler({ ctx, input: { params, query, body }, expectedVersion: raw.expectedVersion });
}
