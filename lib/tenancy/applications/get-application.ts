import "server-only";
import { getDb } from "@/lib/db/client";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { applicationDtoFor, loadApplication } from "./load";

export const getApplication = verb("applications.get", "applications.read", async ({ ctx, input }: VerbArgs<{ name: string }>) =>
  applicationDtoFor(ctx, await loadApplication(getDb(), ctx, input.name)),
);
