import "server-only";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { revoke, environmentOwner } from "./ingest-token-store";

export const revokeEnvironmentIngestToken = verb(
  "ingest-tokens.revoke",
  "ingest-tokens.create",
  async ({ ctx, input }: VerbArgs<{ id: number }>) =>
    revoke(ctx, await environmentOwner(ctx), input.id, "ingest-tokens.revoke"),
);
