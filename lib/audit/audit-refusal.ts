import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AuthedContext } from "@/lib/core/context";
import { logger } from "@/lib/observability/logger";
import { isWrite, type Permission } from "@/lib/rbac";
import { writeAudit } from "./write-audit";

const RECORDED = new Set(["FORBIDDEN", "CONFLICT", "PRECONDITION_FAILED", "LIMIT_EXCEEDED"]);

/** A refused write leaves a `failure` row (the change itself rolled back), so that denied
 *  and conflicting attempts are visible. Best effort: it never changes the answer. */
export async function auditRefusal(
  ctx: AuthedContext,
  permission: Permission,
  target: string,
  error: unknown,
): Promise<void> {
  if (!isWrite(permission) || !(error instanceof AppError) || !RECORDED.has(error.code)) return;
  try {
    await writeAudit(getDb(), ctx, {
      action: permission,
      tenantId: ctx.scope.tenant?.id ?? null,
      target,
      result: "failure",
      after: { refused: error.code, detail: error.message.slice(0, 500) },
    });
  } catch (auditError) {
    logger.warn({ err: auditError }, "could not record a refused write");
  }
}
