import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/authenticate";
import { authenticateToken } from "@/lib/auth/authenticate-token";
import type { AuthedContext, RequestContext } from "@/lib/core/context";
import { AppError } from "@/lib/errors";
import { decide, type Scope } from "@/lib/rbac";
import { projectScope } from "@/lib/tenancy/scope";
import { ModelxError } from "./errors";
import { parseRepository, repositoryName } from "./names";

/** A repository the caller may act on, with what writing to it needs (audit, project). */
export interface RepositoryAccess {
  ctx: AuthedContext;
  repository: string;
  projectId: number | null;
  tenantId: number | null;
}

/** Facet API tokens as modelx clients send them: Bearer, or `token` / `access_token` in the query. */
export async function modelxActor(request: Request): Promise<Actor> {
  const query = new URL(request.url).searchParams;
  const token = query.get("token") || query.get("access_token");
  const refused = new ModelxError("UNAUTHORIZED", "Send a Facet API token: Authorization: Bearer <token>.");
  // Nothing to go on: no session lookup at all.
  if (!token && !request.headers.get("authorization") && !request.headers.get("cookie")) throw refused;
  try {
    return token ? await authenticateToken(token) : await authenticate(request.headers);
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAUTHORIZED") throw refused;
    throw error;
  }
}

/**
 * Pull: members of the repository's project (everyone for `library`); push: its admins and ops
 * (sysadmins for `library`). Someone outside the tenant learns nothing: the repository is unknown.
 */
export async function repositoryAccess(
  base: RequestContext,
  actor: Actor,
  name: string,
  need: "pull" | "push",
): Promise<RepositoryAccess> {
  const parsed = parseRepository(name);
  const unknown = new ModelxError("INDEX_UNKNOWN", `no repository ${name}`);
  if (!parsed) throw unknown;
  const ctx: AuthedContext = { ...base, actor };
  if (parsed.kind === "library") {
    if (need === "push" && !decide(actor, "modelx.library.push").allow)
      throw new ModelxError("DENIED", "Only system administrators push to the library.");
    return { ctx, repository: repositoryName(parsed), projectId: null, tenantId: null };
  }
  let scope: Scope;
  try {
    scope = await projectScope(ctx, { tenant: parsed.tenant, project: parsed.project });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") throw unknown;
    throw error;
  }
  const decision = decide(actor, need === "pull" ? "modelx.pull" : "modelx.push", scope);
  if (!decision.allow) {
    if (decision.status === "not-found") throw unknown;
    throw new ModelxError("DENIED", `You may not ${need} in ${name}.`);
  }
  return {
    ctx: { ...ctx, scope },
    repository: repositoryName(parsed),
    projectId: scope.project!.id,
    tenantId: scope.tenant!.id,
  };
}
