import "server-only";
import { and, eq } from "drizzle-orm";
import { loadNamespacePolicy, podSecurityFor } from "@/lib/clusters/namespace-policy";
import { getDb } from "@/lib/db/client";
import { environments } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { podSpecOf, podSpecViolations, violationMessage } from "@/lib/pod-security";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** Refuses, before it reaches the cluster, an object whose pods the environment's enforced
 *  Pod Security level forbids: the same level its namespace is labelled with. Templates are
 *  held to it too, since every pod they make would be refused. */
export async function assertPodSecurity(ctx: EnvironmentCtx, object: unknown): Promise<void> {
  const pod = podSpecOf(object);
  if (!pod) return;
  const [env] = await getDb()
    .select({ clusterId: environments.clusterId, type: environments.type })
    .from(environments)
    .where(and(eq(environments.id, ctx.scope.environment.id), eq(environments.tenantId, ctx.scope.tenant.id)));
  if (!env) return;
  const { enforce } = podSecurityFor(
    (await loadNamespacePolicy(env.clusterId)).podSecurity,
    env.type,
    ctx.scope.tenant.name,
  );
  const violations = podSpecViolations(enforce, pod.spec, pod.annotations);
  if (!violations.length) return;
  const message = violationMessage(enforce, violations);
  throw new AppError("VALIDATION", `The object cannot be saved: it ${message}.`, {
    errors: violations.map((v) => ({ path: "body.yaml", message: `violates PodSecurity "${enforce}:latest": ${v}` })),
  });
}
