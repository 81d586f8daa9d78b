import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { probes } from "@/lib/db/schema";
import { probeDto } from "./dto";
import { probeLocation } from "./location";
import { uptimeByName } from "./uptime";

export const listProbes = verb("probes.list", "probes.read", async ({ ctx }: VerbArgs<void, EnvironmentCtx>) => {
  const rows = await getDb()
    .select()
    .from(probes)
    .where(and(eq(probes.tenantId, ctx.scope.tenant.id), eq(probes.environmentId, ctx.scope.environment.id)))
    .orderBy(asc(probes.name));
  const uptime = await uptimeByName(
    await probeLocation(ctx),
    rows.map((r) => r.name),
  );
  return { items: rows.map((r) => probeDto(r, uptime.get(r.name))) };
});
