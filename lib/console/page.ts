import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { sessionActor } from "@/lib/auth/session-actor";
import { runOperationAs, type ActionInput, type ActionResult } from "@/lib/http/action";
import type { AuthedContext } from "@/lib/core/context";
import type { EnvironmentScope, ProjectScope, TenantScope } from "@/lib/core/scoped-context";
import type { Operation } from "@/lib/core/operation";
import { loginPath } from "@/lib/http/login-path";
import { publicOrigin as originOf } from "@/lib/http/origin";
import { clientAddressFrom, requestIdFrom } from "@/lib/core/request-meta";
import { decide, type Permission, type Scope } from "@/lib/rbac";
import { environmentScope, projectScope, tenantScope } from "@/lib/tenancy/scope";
import { CONSOLE_OPERATIONS, type OperationName, type OperationResult } from "./registry";

/** The signed-in actor's context for a server component; looked up once per render (the
 *  layout and the page both ask). Each caller gets its own copy, as scopes differ. */
const renderActor = cache(async () => {
  const [actor, h] = await Promise.all([sessionActor(), headers()]);
  return { actor, requestId: requestIdFrom(h), clientAddress: clientAddressFrom(h), login: loginPath(h) };
});

/** The verb context for a server component; no session → the login page. */
export async function consoleContext(): Promise<AuthedContext> {
  const { actor, requestId, clientAddress, login } = await renderActor();
  if (!actor) redirect(login);
  return { actor, scope: {}, requestId, clientAddress };
}

/** The origin the browser used, for snippets shown to the user. */
export async function publicOrigin(): Promise<string> {
  return originOf(await headers());
}

/** consoleContext for the sysadmin-only pages: anyone else gets the not-found page, as the
 *  API answers them for those areas' objects. */
export async function sysadminContext(): Promise<AuthedContext> {
  const ctx = await consoleContext();
  if (ctx.actor.systemRole !== "sysadmin") notFound();
  return ctx;
}

/** Runs an operation for first paint; a 404 renders the not-found page. */
export async function loadOperation<N extends OperationName>(
  ctx: AuthedContext,
  name: N,
  input: ActionInput = {},
): Promise<ActionResult<OperationResult<N>>> {
  const op = CONSOLE_OPERATIONS[name] as unknown as Operation<unknown, unknown, unknown, OperationResult<N>>;
  const result = await runOperationAs(op, ctx.actor, ctx, input);
  if (!result.ok && result.error.status === 404) notFound();
  return result;
}

type Level = "tenant" | "project" | "environment";
const RESOLVERS = { tenant: tenantScope, project: projectScope, environment: environmentScope } as const;
interface LevelScope {
  tenant: TenantScope;
  project: ProjectScope;
  environment: EnvironmentScope;
}

/** The page's scope, for deciding which buttons to show; 404 when it does not exist for the actor. */
export async function pageScope<L extends Level>(
  ctx: AuthedContext,
  level: L,
  params: Record<string, string>,
): Promise<LevelScope[L]> {
  try {
    return (await (RESOLVERS[level] as (c: AuthedContext, p: Record<string, string>) => Promise<Scope>)(
      ctx,
      params,
    )) as LevelScope[L];
  } catch {
    notFound();
  }
}

/** Which of the permissions given the actor holds in the scope; the server refuses the rest anyway. */
export function allowed<P extends Permission>(
  ctx: AuthedContext,
  scope: Scope,
  permissions: readonly P[],
): Record<P, boolean> {
  return Object.fromEntries(permissions.map((p) => [p, decide(ctx.actor, p, scope).allow])) as Record<P, boolean>;
}
