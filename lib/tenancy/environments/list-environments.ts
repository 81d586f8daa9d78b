import "server-only";
import { and, asc, eq, gt, inArray, like } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { clusters, environmentMembers, environments } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { environmentDto } from "../dto";
import { containsPattern, decodeCursor, toPage } from "@/lib/core/pagination";
import type { ListQuery } from "../schemas";
import { scopeIds } from "../scope";
import type { ProjectCtx } from "@/lib/core/scoped-context";

/** Project readers see every environment; someone who is only an environment member sees theirs. */
export const listEnvironments = verb(
  "environments.list",
  "environments.list",
  async ({ ctx, input }: VerbArgs<ListQuery, ProjectCtx>) => {
    const { tenantId, projectId } = scopeIds(ctx);
    const seesAll =
      ctx.actor.systemRole === "sysadmin" || ctx.scope.tenantRole === "admin" || Boolean(ctx.scope.projectRole);
    const db = getDb();
    const mine = db
      .select({ id: environmentMembers.environmentId })
      .from(environmentMembers)
      .where(eq(environmentMembers.userId, ctx.actor.id));
    const after = decodeCursor(input.cursor);
    const rows = await db
      .select({ env: environments, cluster: clusters.name })
      .from(environments)
      .innerJoin(clusters, eq(clusters.id, environments.clusterId))
      .where(
        and(
          eq(environments.projectId, projectId!),
          eq(environments.tenantId, tenantId),
          seesAll ? undefined : inArray(environments.id, mine),
          after ? gt(environments.name, after) : undefined,
          input.q ? like(environments.name, containsPattern(input.q)) : undefined,
        ),
      )
      .orderBy(asc(environments.name))
      .limit(input.limit + 1);
    const names = { tenant: ctx.scope.tenant.name, project: ctx.scope.project.name };
    return toPage(
      rows,
      input.limit,
      (r) => r.env.name,
      (r) => environmentDto(r.env, { ...names, cluster: r.cluster }),
    );
  },
);
