import "server-only";
import { count, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { applications } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { environmentDtoFor, loadEnvironment } from "./load";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

export const getEnvironment = verb("environments.get", "environments.read", async ({ ctx }: VerbArgs<void, EnvironmentCtx>) => {
  const db = getDb();
  const row = await loadEnvironment(db, ctx);
  const [{ n }] = await db.select({ n: count() }).from(applications).where(eq(applications.environmentId, row.env.id));
  return { ...environmentDtoFor(ctx, row), applicationCount: n, myRole: ctx.scope.environmentRole ?? null };
});
