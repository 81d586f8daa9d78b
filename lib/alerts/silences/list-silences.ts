import "server-only";
import { desc, eq } from "drizzle-orm";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { getDb } from "@/lib/db/client";
import { alertSilences } from "@/lib/db/schema";
import { silenceDto } from "./silence-dto";

export const listSilences = verb(
  "alerts.silences.list",
  "alerts.read",
  async ({ ctx }: VerbArgs<undefined, EnvironmentCtx>) => {
    const rows = await getDb()
      .select()
      .from(alertSilences)
      .where(eq(alertSilences.environmentId, ctx.scope.environment.id))
      .orderBy(desc(alertSilences.endsAt))
      .limit(500);
    return { items: rows.map((r) => silenceDto(r)) };
  },
);
