import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { CreateIngestTokenInput } from "../schemas";
import { create, environmentOwner } from "./ingest-token-store";

export const createEnvironmentIngestToken = verb(
  "ingest-tokens.create",
  "ingest-tokens.create",
  async ({ ctx, input }: VerbArgs<CreateIngestTokenInput>) =>
    create(ctx, await environmentOwner(ctx), input, "ingest-tokens.create"),
);
