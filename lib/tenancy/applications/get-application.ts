import "server-only";
import { getDb } from "@/lib/db/client";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { applicationDtoFor, loadApplication } from "./load";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

export const getApplication = verb(
  "applications.get",
  "applications.read",
  async ({ ctx, input }: VerbArgs<{ name: string }, EnvironmentCtx>) =>
    applicationDtoFor(ctx, await loadApplication(getDb(), ctx, input.name)),
);
