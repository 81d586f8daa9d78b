import "server-only";
import type { ZodType } from "zod";
import { auditRefusal } from "@/lib/audit/audit-refusal";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/core/authorize";
import type { AuthedContext } from "@/lib/core/context";
import type { Operation } from "@/lib/core/operation";
import { parseWith } from "@/lib/core/parse-with";

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
export async function executeOperation<P, Q, B, R>(
  op: Operation<P, Q, B, R>,
  ctx: AuthedContext,
  raw: RawInput,
): Promise<R> {
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
