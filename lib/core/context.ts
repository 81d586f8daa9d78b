import type { Span } from "@opentelemetry/api";
import type { Actor } from "@/lib/auth/actor";
import type { Scope } from "@/lib/rbac";

/** What every verb receives besides its input. */
export interface RequestContext {
  actor: Actor | null;
  scope: Scope;
  requestId: string;
  clientAddress: string | null;
  span?: Span;
}

export interface AuthedContext extends RequestContext {
  actor: Actor;
}
