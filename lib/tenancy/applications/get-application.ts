import "server-only";
import { getDb } from "@/lib/db/client";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { applicationDtoFor, loadApplication } from "./load";
import { otelSiteFor } from "./otel-site";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

export const getApplication = verb(
  "applications.get",
  "applications.read",
  async ({ ctx, input }: VerbArgs<{ name: string }, EnvironmentCtx>) => {
    const row = await loadApplication(getDb(), ctx, input.name);
    return applicationDtoFor(ctx, row, row.telemetry ? await otelSiteFor(ctx) : undefined);
  },
);
