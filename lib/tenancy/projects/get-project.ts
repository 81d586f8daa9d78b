import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { projects } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { projectDto } from "../dto";
import { foundOrThrow } from "@/lib/db/rows";
import { scopeIds } from "../scope";
import type { ProjectCtx } from "@/lib/core/scoped-context";

export const getProject = verb("projects.get", "projects.read", async ({ ctx }: VerbArgs<void, ProjectCtx>) => {
  const { tenantId, projectId } = scopeIds(ctx);
  const [row] = await getDb()
    .select()
    .from(projects)
    .where(and(eq(projects.id, projectId!), eq(projects.tenantId, tenantId)));
  return { ...projectDto(foundOrThrow(row, "project"), ctx.scope.tenant.name), myRole: ctx.scope.projectRole ?? null };
});
