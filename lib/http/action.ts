import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { ZodType } from "zod";
import { sessionActor } from "@/lib/auth/session-actor";
import { AppError, unauthorized } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { withSpan } from "@/lib/observability/tracer";
import { decide, type Permission, type Scope } from "@/lib/rbac";
import type { AuthedContext } from "./context";
import { toProblem, zodIssues, type Problem } from "./problem";
import { clientAddressFrom, requestIdFrom } from "./request-meta";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: Problem };

interface ActionOptions<I> {
  name: string;
  permission: Permission;
  input: ZodType<I>;
  scope?: (ctx: AuthedContext, input: I) => Promise<Scope>;
}

/** The server-action twin of route(): the same pipeline, answering `{ ok, data | error }`. */
export function action<I, O>(options: ActionOptions<I>, handler: (args: { ctx: AuthedContext; input: I }) => Promise<O>) {
  return async (raw: unknown): Promise<ActionResult<O>> => {
    const h = await headers();
    const requestId = requestIdFrom(h);
    return withSpan(`action ${options.name}`, { "facet.request_id": requestId }, async (span) => {
      try {
        const actor = await sessionActor();
        if (!actor) throw unauthorized("Your session has ended. Sign in again.");
        const ctx: AuthedContext = { actor, scope: {}, requestId, clientAddress: clientAddressFrom(h), span };
        const parsed = options.input.safeParse(raw);
        if (!parsed.success) {
          throw new AppError("VALIDATION", "Some fields are not valid.", { errors: zodIssues(parsed.error) });
        }
        if (options.scope) ctx.scope = await options.scope(ctx, parsed.data);
        const decision = decide(actor, options.permission, ctx.scope);
        if (!decision.allow) {
          throw decision.status === "not-found" ? new AppError("NOT_FOUND", "The resource does not exist.") : new AppError("FORBIDDEN", decision.reason);
        }
        return { ok: true as const, data: await handler({ ctx, input: parsed.data }) };
      } catch (error) {
        unstable_rethrow(error);
        const mapped = toProblem(error, requestId);
        if (mapped.internal) logger.error({ err: error, request_id: requestId }, "action failed");
        return { ok: false as const, error: mapped.problem };
      }
    });
  };
}
