import "server-only";
import { eq } from "drizzle-orm";
import { ingestTokens } from "@/lib/db/schema";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { list, environmentOwner } from "./ingest-token-store";

export const listEnvironmentIngestTokens = verb(
  "ingest-tokens.list",
  "ingest-tokens.read",
  async ({ ctx }: VerbArgs<undefined>) => {
    const owner = await environmentOwner(ctx);
    return list(eq(ingestTokens.environmentId, owner.environmentId!), owner.cluster);
  },
);
