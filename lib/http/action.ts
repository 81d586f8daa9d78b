import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { sessionActor } from "@/lib/auth/session-actor";
import { unauthorized } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { logUpstreamFailure } from "@/lib/core/upstream-failure";
import { withSpan } from "@/lib/observability/tracer";
import type { AuthedContext } from "@/lib/core/context";
import type { Operation } from "@/lib/core/operation";
import { executeOperation } from "./operation";
import { toProblem, type Problem } from "./problem";
import { clientAddressFrom, requestIdFrom } from "@/lib/core/request-meta";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: Problem };

/** What a console form sends: the same parts an API request has. */
export interface ActionInput {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  expectedVersion?: number;
}

/** Runs an operation for a given actor; the pipeline of route() without HTTP. */
export async function runOperationAs<R>(
  op: Operation<unknown, unknown, unknown, R>,
  actor: Actor | null,
  meta: { requestId: string; clientAddress: string | null },
  input: ActionInput,
): Promise<ActionResult<R>> {
  return withSpan(`action ${op.permission}`, { "facet.request_id": meta.requestId }, async (span) => {
    try {
      if (!actor) throw unauthorized("Your session has ended. Sign in again.");
      const ctx: AuthedContext = {
        actor,
        scope: {},
        requestId: meta.requestId,
        clientAddress: meta.clientAddress,
        span,
      };
      const data = await executeOperation(op, ctx, {
        params: input.params,
        query: input.query,
        body: () => input.body,
        expectedVersion: input.expectedVersion,
      });
      return { ok: true as const, data };
    } catch (error) {
      unstable_rethrow(error);
      const mapped = toProblem(error, meta.requestId);
      if (mapped.internal) logger.error({ err: error, request_id: meta.requestId }, "action failed");
      else logUpstreamFailure(error, meta.requestId);
      return { ok: false as const, error: mapped.problem };
    }
  });
}

/** The server-action twin of route(): the session's actor runs the operation. */
export async function performAction<P, Q, B, R>(
  op: Operation<P, Q, B, R>,
  input: ActionInput,
): Promise<ActionResult<R>> {
  const h = await headers();
  const actor = await sessionActor();
  return runOperationAs(
    op as Operation<unknown, unknown, unknown, R>,
    actor,
    { requestId: requestIdFrom(h), clientAddress: clientAddressFrom(h) },
    input ?? {},
  );
}
