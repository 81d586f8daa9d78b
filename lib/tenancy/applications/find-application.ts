import "server-only";
import { and, eq } from "drizzle-orm";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { applications, type ApplicationRow } from "@/lib/db/schema";

/** The environment's application of that name, or null (no error: callers ask whether one exists). */
export async function findApplication(ctx: EnvironmentCtx, name: string): Promise<ApplicationRow | null> {
  const [row] = await getDb()
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.environmentId, ctx.scope.environment.id),
        eq(applications.tenantId, ctx.scope.tenant.id),
        eq(applications.name, name),
      ),
    );
  return row ?? null;
}
