import "server-only";
import type { AuthedContext } from "@/lib/core/context";
import { notFound } from "@/lib/errors";
import type { Scope } from "@/lib/rbac";
import { traceNamespaces } from "./trace-detail";
import { scopeForRead, type NamespaceInfo } from "./visibility";

// A trace by id crosses namespaces: the scope is one the actor may read, and the answer holds
// only readable spans plus the count of the others in the actor's tenants. A trace with
// nothing readable is "not found", whoever else's it is.
// The namespaces read here travel on the scope itself, for the verb to answer from.
export type TraceScope = Scope & { traceAccess: Map<number, NamespaceInfo> };

export async function traceScope(ctx: AuthedContext, params: { traceId: string }): Promise<TraceScope> {
  const access = await traceNamespaces(ctx.actor, params.traceId);
  const scope = scopeForRead(access);
  if (scope) return { ...scope, traceAccess: access };
  throw notFound("trace");
}
