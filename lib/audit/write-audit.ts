import "server-only";
import type { Executor } from "@/lib/db/client";
import { auditLogs } from "@/lib/db/schema";
import type { RequestContext } from "@/lib/core/context";
import { currentTraceIds } from "@/lib/observability/tracer";
import { redact } from "./redact";

export interface AuditEntry {
  action: string;
  target: string;
  tenantId?: number | null;
  before?: unknown;
  after?: unknown;
  result?: "success" | "failure";
  /** Overrides the actor, for events where the request has none yet (a sign-in). */
  actor?: string;
}

/** Writes the audit row inside the caller's transaction: if it fails, the change fails. */
export async function writeAudit(tx: Executor, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  const diff =
    entry.before === undefined && entry.after === undefined
      ? null
      : { before: redact(entry.before), after: redact(entry.after) };
  await tx.insert(auditLogs).values({
    actor: entry.actor ?? ctx.actor?.username ?? "anonymous",
    action: entry.action,
    tenantId: entry.tenantId ?? null,
    target: entry.target,
    diff,
    result: entry.result ?? "success",
    clientAddress: ctx.clientAddress,
    requestId: ctx.requestId,
    traceId: currentTraceIds().trace_id ?? null,
  });
}
