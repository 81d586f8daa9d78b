import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { environments, type ConfigSource } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { ConfigLocation, WriteMeta } from "./backend/types";
import { namespaceOf } from "./namespace";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** Who calls a verb: the console and the JSON API by default, or Facet's Nacos API. */
export type Channel = "nacos";

/** The environment of the resolved scope as a Nacos location, with its cluster. */
export async function locate(ctx: EnvironmentCtx): Promise<ConfigLocation> {
  const { tenant, project, environment } = ctx.scope;
  if (!tenant || !project || !environment) throw new AppError("INTERNAL", "environment scope was not resolved");
  const [row] = await getDb()
    .select({ clusterId: environments.clusterId })
    .from(environments)
    .where(and(eq(environments.id, environment.id), eq(environments.tenantId, tenant.id)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", "The environment does not exist.");
  return {
    tenantId: tenant.id,
    projectId: project.id,
    environmentId: environment.id,
    clusterId: row.clusterId,
    namespace: namespaceOf(tenant.id, project.id),
    group: environment.name,
  };
}

/** A browser session is the console; a bearer token is the API. */
export function sourceOf(ctx: EnvironmentCtx, channel?: Channel): ConfigSource {
  if (channel === "nacos") return "nacos";
  return ctx.actor.via === "session" ? "console" : "api";
}

export function writeMeta(ctx: EnvironmentCtx, channel?: Channel): WriteMeta {
  return { actor: ctx.actor.username, clientAddress: ctx.clientAddress, source: sourceOf(ctx, channel) };
}

export const configTarget = (ctx: EnvironmentCtx, dataId: string) =>
  `tenant/${ctx.scope.tenant.name}/project/${ctx.scope.project.name}/environment/${ctx.scope.environment.name}/config/${dataId}`;
