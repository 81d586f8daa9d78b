import "server-only";
import type { AuthedContext } from "@/lib/core/context";
import { notFound } from "@/lib/errors";
import type { Scope } from "@/lib/rbac";
import { traceNamespaces } from "./trace-detail";
import { scopeForRead, type NamespaceInfo } from "./visibility";

// A trace by id crosses namespaces: the scope is one the actor may read, and the answer holds
// only readable spans plus the count of the others in the actor's tenants. A trace with
// nothing readable is "not found", whoever else's it is.
export const traceAccess = new WeakMap<AuthedContext, Map<number, NamespaceInfo>>();

export async function traceScope(ctx: AuthedContext, params: { traceId: string }): Promise<Scope> {
  const access = await traceNamespaces(ctx.actor, params.traceId);
  traceAccess.set(ctx, access);
  const scope = scopeForRead(access);
  if (scope) return scope;
  throw notFound("trace");
}
