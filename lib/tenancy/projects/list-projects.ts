import "server-only";
import { and, asc, eq, gt, like } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { projects } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { projectDto } from "../dto";
import { containsPattern, decodeCursor, toPage } from "@/lib/core/pagination";
import type { ListQuery } from "../schemas";
import { scopeIds } from "../scope";
import type { TenantCtx } from "@/lib/core/scoped-context";

export const listProjects = verb(
  "projects.list",
  "projects.list",
  async ({ ctx, input }: VerbArgs<ListQuery, TenantCtx>) => {
    const after = decodeCursor(input.cursor);
    const rows = await getDb()
      .select()
      .from(projects)
      .where(
        and(
          eq(projects.tenantId, scopeIds(ctx).tenantId),
          after ? gt(projects.name, after) : undefined,
          input.q ? like(projects.name, containsPattern(input.q)) : undefined,
        ),
      )
      .orderBy(asc(projects.name))
      .limit(input.limit + 1);
    return toPage(
      rows,
      input.limit,
      (r) => r.name,
      (r) => projectDto(r, ctx.scope.tenant.name),
    );
  },
);
