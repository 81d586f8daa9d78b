import "server-only";
import { count, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { applications } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/http/verb";
import { cachedEnvironment } from "./cached-environment";
import { environmentDtoFor } from "./load";

export const getEnvironment = verb("environments.get", "environments.read", async ({ ctx }: VerbArgs<void>) => {
  const environmentId = ctx.scope.environment!.id;
  const [row, [{ n }]] = await Promise.all([cachedEnvironment(ctx), getDb().select({ n: count() }).from(applications).where(eq(applications.environmentId, environmentId))]);
  return { ...environmentDtoFor(ctx, row), applicationCount: n, myRole: ctx.scope.environmentRole ?? null };
});
