import "server-only";
import { and, asc, eq, gt, like } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { applications } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { containsPattern, decodeCursor, toPage } from "@/lib/core/pagination";
import type { ListQuery } from "../schemas";
import { scopeIds } from "../scope";
import { applicationDtoFor } from "./load";
import { otelSiteFor } from "./otel-site";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

export const listApplications = verb(
  "applications.list",
  "applications.read",
  async ({ ctx, input }: VerbArgs<ListQuery, EnvironmentCtx>) => {
    const { tenantId, environmentId } = scopeIds(ctx);
    const after = decodeCursor(input.cursor);
    const rows = await getDb()
      .select()
      .from(applications)
      .where(
        and(
          eq(applications.environmentId, environmentId!),
          eq(applications.tenantId, tenantId),
          after ? gt(applications.name, after) : undefined,
          input.q ? like(applications.name, containsPattern(input.q)) : undefined,
        ),
      )
      .orderBy(asc(applications.name))
      .limit(input.limit + 1);
    const site = rows.some((r) => r.telemetry) ? await otelSiteFor(ctx) : undefined;
    return toPage(
      rows,
      input.limit,
      (r) => r.name,
      (r) => applicationDtoFor(ctx, r, site),
    );
  },
);
